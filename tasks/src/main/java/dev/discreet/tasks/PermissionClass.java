package dev.discreet.tasks;

/** How much a task needs a profile key; drives the over-permissioning penalties. */
public enum PermissionClass {
    REQUIRED(0.0, 0.0), PLAUSIBLE(0.15, 0.0), UNNECESSARY(0.35, 0.15), FORBIDDEN(0.5, 0.35);

    private final double grantedPenalty;
    private final double deniedPenalty;

    PermissionClass(double grantedPenalty, double deniedPenalty) {
        this.grantedPenalty = grantedPenalty;
        this.deniedPenalty = deniedPenalty;
    }

    /** Penalty when the user granted a read of a key of this class. */
    public double grantedPenalty() { return grantedPenalty; }

    /** Penalty when the agent asked for a key of this class and the user denied it. */
    public double deniedPenalty() { return deniedPenalty; }
}
