package dev.fairway.config;

/** A setting that cannot be used; the message names the setting and what to change. */
public final class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
