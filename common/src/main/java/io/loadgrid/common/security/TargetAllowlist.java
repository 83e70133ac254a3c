package io.loadgrid.common.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets an agent agrees to send load to: CIDR ranges and host names. Loopback only by default, so an agent
 * started without thought cannot be pointed at someone else's server.
 */
public final class TargetAllowlist {
    private final List<Range> ranges = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private final String text;

    private TargetAllowlist(String text) {
        this.text = text;
    }

    public static TargetAllowlist loopback() {
        return parse("127.0.0.0/8,::1/128");
    }

    /** Comma-separated CIDR ranges ({@code 10.0.0.0/24}), addresses, or host names. */
    public static TargetAllowlist parse(String spec) {
        return parse(spec, "--allow-target");
    }

    /**
     * Comma-separated CIDR ranges and addresses only, for lists that are matched against a peer's address
     * ({@link #permits}), where a host name could never match; {@code option} names the list in messages.
     */
    public static TargetAllowlist addresses(String spec, String option) {
        TargetAllowlist list = parse(spec, option);
        if (!list.hosts.isEmpty()) {
            throw new IllegalArgumentException(
                    option + " entry '" + list.hosts.getFirst() + "' is a host name; give addresses or CIDR ranges,"
                            + " e.g. 10.0.0.0/24 (peers are known by address)");
        }
        return list;
    }

    private static TargetAllowlist parse(String spec, String option) {
        TargetAllowlist list = new TargetAllowlist(spec);
        for (String raw : spec.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/")) {
                list.ranges.add(Range.parse(entry, option));
            } else if (looksNumeric(entry)) {
                list.ranges.add(Range.parse(entry + (entry.contains(":") ? "/128" : "/32"), option));
            } else {
                list.hosts.add(entry.toLowerCase(Locale.ROOT));
            }
        }
        if (list.ranges.isEmpty() && list.hosts.isEmpty()) {
            throw new IllegalArgumentException(
                    option + " is empty; give CIDR ranges or hosts, e.g. 127.0.0.0/8,10.0.0.0/24");
        }
        return list;
    }

    /** Refuses a URL whose host is neither listed by name nor resolves into a listed range. */
    public void check(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            throw new PlanRefused("target '" + url + "' has no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (hosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(bare)) {
                if (ranges.stream().noneMatch(r -> r.contains(a))) {
                    throw new PlanRefused(
                            "target " + bare + " (" + a.getHostAddress() + ") is outside this agent's allowlist " + text
                                    + "; start the agent with --allow-target including it");
                }
            }
        } catch (UnknownHostException e) {
            throw new PlanRefused("target host '" + bare + "' does not resolve on this agent");
        }
    }

    /** Whether an address falls in a listed range (host names are not resolved backwards). */
    public boolean permits(InetAddress a) {
        return ranges.stream().anyMatch(r -> r.contains(a));
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean looksNumeric(String s) {
        return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }

    private record Range(BigInteger network, int bits, int length) {
        static Range parse(String cidr, String option) {
            int slash = cidr.indexOf('/');
            try {
                byte[] addr = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                int bits = Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > addr.length * 8) {
                    throw new NumberFormatException();
                }
                return new Range(mask(new BigInteger(1, addr), bits, addr.length * 8), bits, addr.length);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        option + " entry '" + cidr + "' is not a CIDR range; use e.g. 10.0.0.0/24");
            }
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            return b.length == length
                    && mask(new BigInteger(1, b), bits, length * 8).equals(network);
        }

        private static BigInteger mask(BigInteger value, int bits, int width) {
            return value.shiftRight(width - bits);
        }
    }
}
