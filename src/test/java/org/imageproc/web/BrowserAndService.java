package org.imageproc.web;

import java.io.IOException;
import java.util.Map;

import org.imageproc.TestService;

/**
 * A browser and a service of their own, for a browser test that needs settings the shared service does not have;
 * without Chromium the test is skipped before any service starts.
 */
record BrowserAndService(Browser browser, TestService service) implements AutoCloseable {

    static BrowserAndService start(Map<String, String> properties) throws IOException {
        Browser browser = Browser.start();
        try {
            return new BrowserAndService(browser, TestService.start(properties));
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            service.stop();
        }
    }
}
