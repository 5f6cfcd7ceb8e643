package org.imageproc.config;

import java.util.NoSuchElementException;

import org.apache.camel.spi.PropertiesComponent;

/** Typed reads of the service's properties; Camel lets an environment variable override each (IMAGEPROC_DATA_DIR). */
public final class Config {

    private final PropertiesComponent properties;

    public Config(PropertiesComponent properties) {
        this.properties = properties;
    }

    public String string(String key) {
        return properties.resolveProperty(key)
                .orElseThrow(() -> new NoSuchElementException("Missing configuration property " + key));
    }

    /** The value, or an empty string when the key is absent or blank. */
    public String optional(String key) {
        return properties.resolveProperty(key).map(String::trim).orElse("");
    }

    public int integer(String key) {
        return Integer.parseInt(string(key).trim());
    }

    public long number(String key) {
        return Long.parseLong(string(key).trim());
    }

    public float decimal(String key) {
        return Float.parseFloat(string(key).trim());
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(string(key).trim());
    }
}
