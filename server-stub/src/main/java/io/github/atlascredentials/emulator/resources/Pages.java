package io.github.atlascredentials.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.Json;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a list, in the shape of the spec's pages: {@code links} ({@code self}, and {@code next} and
 * {@code previous} where such a page exists), {@code results}, and {@code totalCount} unless the request
 * asked {@code includeCount=false}. {@code pageNum} is 1-based; both values were checked against the spec and
 * defaulted by it.
 */
final class Pages {
    private Pages() {
    }

    static <T> List<T> of(List<T> all, Integer pageNum, Integer itemsPerPage) {
        long from = (long) (pageNum - 1) * itemsPerPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + itemsPerPage));
    }

    /** The page body; {@code includeCount} null means the default (counted). */
    static <T> ObjectNode body(ApiRequest request, List<T> all, Integer pageNum, Integer itemsPerPage,
                               Boolean includeCount, Function<T, JsonNode> view) {
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode links = page.putArray("links");
        String path = request.baseUri() + pathOf(request);
        links.add(link(path, pageNum, itemsPerPage, "self"));
        if ((long) pageNum * itemsPerPage < all.size()) {
            links.add(link(path, pageNum + 1, itemsPerPage, "next"));
        }
        if (pageNum > 1) {
            links.add(link(path, pageNum - 1, itemsPerPage, "previous"));
        }
        ArrayNode results = page.putArray("results");
        of(all, pageNum, itemsPerPage).forEach(item -> results.add(view.apply(item)));
        if (includeCount == null || includeCount) {
            page.put("totalCount", all.size());
        }
        return page;
    }

    /** The request's path: the operation's template with the request's path parameters (already validated). */
    private static String pathOf(ApiRequest request) {
        String path = request.operation().path();
        for (Map.Entry<String, String> parameter : request.pathParameters().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return path;
    }

    private static ObjectNode link(String path, int pageNum, int itemsPerPage, String rel) {
        ObjectNode link = Json.MAPPER.createObjectNode();
        link.put("href", path + "?pageNum=" + pageNum + "&itemsPerPage=" + itemsPerPage);
        link.put("rel", rel);
        return link;
    }
}
