package io.github.atlascredentials.emulator.resources;

import io.github.atlascredentials.emulator.generated.model.Link;
import io.github.atlascredentials.emulator.http.ApiRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of a page of a list, for the spec's page models ({@code Paginated...}): {@code links} ({@code self},
 * and {@code next} and {@code previous} where such a page exists), the page's {@code results}, and
 * {@code totalCount} unless the request asked {@code includeCount=false}. {@code pageNum} is 1-based; both values
 * were checked against the spec and defaulted by it.
 */
final class Pages {
    private Pages() {}

    static <T> List<T> of(List<T> all, Integer pageNum, Integer itemsPerPage) {
        long from = (long) (pageNum - 1) * itemsPerPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + itemsPerPage));
    }

    /**
     * The page's links: {@code self}, then {@code next} and {@code previous} where such a page exists, each
     * with the page's {@code pageNum} and {@code itemsPerPage}.
     */
    static List<Link> links(ApiRequest request, int total, Integer pageNum, Integer itemsPerPage) {
        List<Link> links = new ArrayList<>(3);
        String path = request.baseUri() + pathOf(request);
        links.add(link(path, pageNum, itemsPerPage, "self"));
        if ((long) pageNum * itemsPerPage < total) {
            links.add(link(path, pageNum + 1, itemsPerPage, "next"));
        }
        if (pageNum > 1) {
            links.add(link(path, pageNum - 1, itemsPerPage, "previous"));
        }
        return links;
    }

    /** {@code totalCount}: the number of items, or null (left out) when the request asked {@code includeCount=false}. */
    static Integer totalCount(List<?> all, Boolean includeCount) {
        return includeCount == null || includeCount ? all.size() : null;
    }

    /** The request's path: the operation's template with the request's path parameters (already validated). */
    private static String pathOf(ApiRequest request) {
        String path = request.operation().path();
        for (Map.Entry<String, String> parameter : request.pathParameters().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return path;
    }

    private static Link link(String path, int pageNum, int itemsPerPage, String rel) {
        return new Link()
                .href(URI.create(path + "?pageNum=" + pageNum + "&itemsPerPage=" + itemsPerPage))
                .rel(rel);
    }
}
