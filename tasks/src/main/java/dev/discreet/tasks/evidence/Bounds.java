package dev.discreet.tasks.evidence;

/** An element's box in screenshot pixels (right and bottom exclusive). */
public record Bounds(int left, int top, int right, int bottom) {
    public int centerX() { return (left + right) / 2; }

    public int centerY() { return (top + bottom) / 2; }

    public int width() { return right - left; }

    public int height() { return bottom - top; }
}
