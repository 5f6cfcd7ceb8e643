package org.imageproc.web;

import java.util.Map;

import org.imageproc.TestService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A browser test class's browser, and the service it drives: the shared one, or one of its own with the settings
 * the test needs; started before the class's tests and stopped after them. Without Chromium the class is skipped
 * before any service starts.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> properties;
    private Browser browser;
    private TestService service;

    private BrowserSession(Map<String, String> properties) {
        this.properties = properties;
    }

    /** A browser on the service every test shares. */
    static BrowserSession withSharedService() {
        return new BrowserSession(null);
    }

    /** A browser on a service of its own, started with these settings. */
    static BrowserSession withService(Map<String, String> properties) {
        return new BrowserSession(Map.copyOf(properties));
    }

    Browser browser() {
        return browser;
    }

    TestService service() {
        return service;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        browser = Browser.start();
        try {
            service = properties == null ? TestService.get() : TestService.start(properties);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (properties != null && service != null) {
                service.stop();
            }
        }
    }
}
