package dev.sab.workloads.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code sab load} sends, as written on its command line: {@code 127.0.0.1:8080},
 * {@code localhost:8080}, {@code [::1]:8080}, or a URL {@code http://127.0.0.1:8080/light}, whose
 * path becomes the route when none is given. Only loopback hosts are accepted, and a name other
 * than {@code localhost} is refused without a DNS lookup.
 *
 * @param address the resolved loopback address
 * @param path    the URL's path, or null when none was written
 */
public record LoadTarget(InetSocketAddress address, String path) {
    private static final Pattern TARGET = Pattern.compile("(?:http://)?(\\[[0-9a-fA-F:.]+]|[^:/\\[\\]]+):(\\d{1,5})(/\\S*)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the value and what is valid
     */
    public static LoadTarget parse(String text) {
        Matcher m = TARGET.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad target '" + text + "': expected HOST:PORT or http://HOST:PORT/PATH with a loopback"
                    + " host, such as 127.0.0.1:8080 or http://localhost:8080/light");
        }
        String host = m.group(1);
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("bad port " + port + " in target '" + text + "': expected 1 to 65535");
        }
        boolean literal = host.startsWith("[") || IPV4.matcher(host).matches();
        if (!literal && !host.toLowerCase(Locale.ROOT).equals("localhost")) {
            throw new IllegalArgumentException("bad host '" + host + "' in target '" + text
                    + "': sab load sends only to loopback addresses; expected localhost, 127.0.0.1 or [::1]");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad host '" + host + "' in target '" + text + "': " + e.getMessage());
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("bad host '" + host + "' in target '" + text
                    + "': sab load sends only to loopback addresses; expected localhost, 127.0.0.1 or [::1]");
        }
        String path = m.group(3);
        if (path != null) {
            int q = path.indexOf('?');
            path = q < 0 ? path : path.substring(0, q);
        }
        return new LoadTarget(new InetSocketAddress(address, port), path);
    }
}
