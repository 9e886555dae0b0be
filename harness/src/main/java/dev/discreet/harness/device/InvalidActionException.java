package dev.discreet.harness.device;

/** An action the device cannot carry out as asked; the message is shown to the agent and the episode goes on. */
public class InvalidActionException extends RuntimeException {
    public InvalidActionException(String message) { super(message); }
}
