package dev.discreet.harness.device;

/**
 * A device kind that can be plugged in: registered in {@code META-INF/services/dev.discreet.harness.device.DeviceProvider}
 * and found with {@link java.util.ServiceLoader}. The built-in {@code chromium} kind needs no registration.
 */
public interface DeviceProvider {

    /** The kind's name as users write it ({@code --device-kind}, {@code discreet.device.kind}), lower case. */
    String kind();

    /**
     * A factory for these settings. Checks the settings the kind reads ({@link DeviceSettings#properties()}) and
     * throws {@link IllegalArgumentException} naming a bad one and how to fix it.
     */
    DeviceFactory create(DeviceSettings settings);
}
