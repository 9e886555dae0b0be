package dev.discreet.harness.internal;

/** The harness version written into every run manifest. */
public final class Version {
    public static final String HARNESS = "0.1.0";

    private Version() {}
}
