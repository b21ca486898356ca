package org.borderflows.platform.config;

/**
 * A setting a program cannot start with. The message starts with the full key, so the operator finds it in
 * docs/configuration.md: {@code border-flows.deployment.time-zone: 'Asia/Almatyy' is not a time zone (set
 * BORDER_FLOWS_TIME_ZONE)}.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private final transient Setting setting;

    InvalidSettingException(Setting setting, String problem, Throwable cause) {
        super(setting.key() + ": " + problem + " (set " + setting.variable() + ")", cause);
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
