package dev.sab.schedulers.internal;

import java.net.InetSocketAddress;

/** sab's network rule: real sockets, on loopback only. */
public final class Loopback {
    private Loopback() {
    }

    /** Returns {@code address} if it is a resolved loopback address, else throws naming it. */
    public static InetSocketAddress require(InetSocketAddress address) {
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("sab only uses loopback addresses; refused " + address);
        }
        return address;
    }
}
