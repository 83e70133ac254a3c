package io.loadgrid.common.workload;

/** A user URL with an optional {@code {i}} placeholder replaced by the item index. */
public record UrlTemplate(String template) implements UrlSource {
    private static final String PLACEHOLDER = "{i}";

    public UrlTemplate {
        String rest = template.replace(PLACEHOLDER, "");
        if (rest.contains("{") || rest.contains("}")) {
            throw new IllegalArgumentException(
                    "--url template '" + template + "' has a placeholder other than {i}; use {i} for the item index");
        }
        Urls.requireHttp(template.replace(PLACEHOLDER, "0"), "--url");
        // one origin for every item: the target's allowlist, its counts and a client's connections are the origin's
        if (!Urls.origin(template.replace(PLACEHOLDER, "0")).equals(Urls.origin(template.replace(PLACEHOLDER, "1")))) {
            throw new IllegalArgumentException("--url template '" + template
                    + "' puts {i} in the host or port; every item goes to one target, so put {i} in the path or query");
        }
    }

    @Override
    public String url(long index) {
        // a fixed URL, as wrk's, costs no number formatting per item
        return template.contains(PLACEHOLDER) ? template.replace(PLACEHOLDER, Long.toString(index)) : template;
    }

    @Override
    public String base() {
        return Urls.origin(template.replace(PLACEHOLDER, "0"));
    }
}
