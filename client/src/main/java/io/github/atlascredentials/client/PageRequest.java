package io.github.atlascredentials.client;

import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.ParameterRule;
import io.github.atlascredentials.spec.rules.RequestChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which page of a list to read: a page number and a page size, named so that they cannot be swapped
 * unnoticed. Immutable and thread-safe. Both values are checked against the spec's bounds (its
 * {@code pageNum} and {@code itemsPerPage} parameters, read from the rule table) when the value is made,
 * so a bad one is refused before any call: {@link AtlasValidationException}, nothing is sent.
 *
 * <pre>{@code
 * for (PageRequest page = PageRequest.first(PageRequest.maxItemsPerPage()); ; page = page.next()) {
 *   PaginatedApiKeys keys = atlas.listOrgApiKeys(orgId, page);
 *   ...
 * }
 * }</pre>
 */
public final class PageRequest {
    private static final String PAGE_NUM = "pageNum";
    private static final String ITEMS_PER_PAGE = "itemsPerPage";
    private static final PageRequest DEFAULTS = new PageRequest(null, null);

    /** Null means absent: the spec's default applies. */
    private final Integer pageNum;

    private final Integer itemsPerPage;

    private PageRequest(Integer pageNum, Integer itemsPerPage) {
        this.pageNum = pageNum;
        this.itemsPerPage = itemsPerPage;
    }

    /** Page {@code pageNum} (1-based) of {@code itemsPerPage} items. */
    public static PageRequest of(int pageNum, int itemsPerPage) {
        return checked(pageNum, itemsPerPage);
    }

    /** The first page, of {@code itemsPerPage} items: the page number is not sent (the service starts there). */
    public static PageRequest first(int itemsPerPage) {
        return checked(null, itemsPerPage);
    }

    /** Neither value sent: the service's defaults (the first page, of the spec's default size). */
    public static PageRequest defaults() {
        return DEFAULTS;
    }

    /** The largest page size the spec allows. */
    public static int maxItemsPerPage() {
        Long maximum = rule(ITEMS_PER_PAGE).schema().maximum();
        if (maximum == null) {
            throw new IllegalStateException("the spec sets no maximum for " + ITEMS_PER_PAGE);
        }
        return Math.toIntExact(maximum);
    }

    /** The page after this one, of the same size. */
    public PageRequest next() {
        int current = pageNum == null ? firstPageNum() : pageNum;
        return checked(Math.addExact(current, 1), itemsPerPage);
    }

    /** The page number to send; empty for the service's default. */
    public OptionalInt pageNum() {
        return pageNum == null ? OptionalInt.empty() : OptionalInt.of(pageNum);
    }

    /** The page size to send; empty for the spec's default. */
    public OptionalInt itemsPerPage() {
        return itemsPerPage == null ? OptionalInt.empty() : OptionalInt.of(itemsPerPage);
    }

    /** The query parameter as the generated client takes it (null: absent). */
    Integer pageNumParameter() {
        return pageNum;
    }

    Integer itemsPerPageParameter() {
        return itemsPerPage;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageRequest other
                && Objects.equals(pageNum, other.pageNum)
                && Objects.equals(itemsPerPage, other.itemsPerPage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pageNum, itemsPerPage);
    }

    @Override
    public String toString() {
        return "PageRequest[pageNum=" + (pageNum == null ? "default" : pageNum) + ", itemsPerPage="
                + (itemsPerPage == null ? "default" : itemsPerPage) + "]";
    }

    /** The spec's lowest page number: the first page. */
    private static int firstPageNum() {
        Long minimum = rule(PAGE_NUM).schema().minimum();
        if (minimum == null) {
            throw new IllegalStateException("the spec sets no minimum for " + PAGE_NUM);
        }
        return Math.toIntExact(minimum);
    }

    private static PageRequest checked(Integer pageNum, Integer itemsPerPage) {
        List<FieldError> violations = new ArrayList<>();
        check(PAGE_NUM, pageNum, violations);
        check(ITEMS_PER_PAGE, itemsPerPage, violations);
        if (!violations.isEmpty()) {
            throw new AtlasValidationException(PageRequest.class.getSimpleName(), violations);
        }
        return new PageRequest(pageNum, itemsPerPage);
    }

    private static void check(String name, Integer value, List<FieldError> violations) {
        if (value != null) {
            RequestChecks.parameter(rule(name), value.toString())
                    .ifPresent(broken -> violations.add(new FieldError(name, broken)));
        }
    }

    private static ParameterRule rule(String name) {
        ParameterRule rule = ApiRules.builtIn().parameters().get(name);
        if (rule == null) {
            throw new IllegalStateException("the spec defines no shared parameter " + name);
        }
        return rule;
    }
}
