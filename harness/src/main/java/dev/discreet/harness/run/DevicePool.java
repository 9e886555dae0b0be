package dev.discreet.harness.run;

import dev.discreet.harness.device.Device;
import dev.discreet.harness.device.DeviceFactory;
import dev.discreet.harness.device.DeviceFailureException;
import java.net.URL;
import java.util.List;

/**
 * The servers a run's phones come from: one or more Appium servers or Grid hubs (a Grid with N slots is one URL
 * and {@code --parallel N}). Phone {@code k} starts on server {@code (k-1) mod n}; a server whose last connection
 * failed is passed over for the next healthy one, so a phone replaced after a failure comes back on another
 * server when there is one. When every server has failed, each is tried again in turn.
 */
final class DevicePool {
    private final List<URL> servers;
    private final DeviceFactory factory;
    private final int[] failures;
    /** Connections made so far per phone: a replaced phone moves on to the next server. */
    private final java.util.Map<Integer, Integer> moves = new java.util.HashMap<>();

    DevicePool(List<URL> servers, DeviceFactory factory) {
        this.servers = List.copyOf(servers);
        this.factory = factory;
        this.failures = new int[servers.size()];
    }

    /** A new device for phone {@code number} (from 1). */
    Device connect(int number) {
        if (servers.isEmpty()) throw new IllegalStateException("no Appium server or Grid hub to connect to");
        int start;
        synchronized (this) {
            int moved = moves.merge(number, 1, Integer::sum) - 1;
            start = Math.floorMod(number - 1 + moved, servers.size());
            // Pass over servers whose last connection failed, while a healthy one remains.
            for (int i = 0; i < servers.size(); i++) {
                int c = (start + i) % servers.size();
                if (failures[c] == 0) {
                    start = c;
                    break;
                }
            }
        }
        URL server = servers.get(start);
        try {
            Device d = factory.connect(server);
            synchronized (this) {
                failures[start] = 0;
            }
            return d;
        } catch (DeviceFailureException e) {
            synchronized (this) {
                failures[start]++;
            }
            throw e;
        }
    }

    /** Servers of the pool, in order. */
    List<URL> servers() { return servers; }
}
