package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.SchemaRule;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A page request holds its two values under their names and is refused outside the spec's bounds. */
class PageRequestTest {
    private static final SchemaRule PAGE_NUM =
            ApiRules.builtIn().parameters().get("pageNum").schema();
    private static final SchemaRule ITEMS_PER_PAGE =
            ApiRules.builtIn().parameters().get("itemsPerPage").schema();

    @Test
    void boundsComeFromTheRuleTable() {
        assertThat((long) PageRequest.maxItemsPerPage()).isEqualTo(ITEMS_PER_PAGE.maximum());
        assertThat(PageRequest.first(10).pageNum())
                .as("the service's first page: not sent")
                .isEmpty();
        assertThat(PageRequest.first(10).next().pageNum()).hasValue(Math.toIntExact(PAGE_NUM.minimum()) + 1);
        PageRequest.of(Math.toIntExact(PAGE_NUM.minimum()), Math.toIntExact(ITEMS_PER_PAGE.minimum()));
        PageRequest.first(PageRequest.maxItemsPerPage());
    }

    @Test
    void valuesOutsideTheSpecsBoundsAreRefusedWhenMade() {
        int max = PageRequest.maxItemsPerPage();
        assertThatThrownBy(() -> PageRequest.first(max + 1))
                .isInstanceOfSatisfying(
                        AtlasValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldError::field)
                                .containsExactly("itemsPerPage"));
        assertThatThrownBy(() -> PageRequest.of(0, 0))
                .isInstanceOfSatisfying(
                        AtlasValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldError::field)
                                .containsExactly("pageNum", "itemsPerPage"));
        // A page size in the page number's place and a page number larger than the maximum size: refused, not sent.
        assertThatThrownBy(() -> PageRequest.of(2, max + 1))
                .isInstanceOf(AtlasValidationException.class)
                .hasMessageContaining("itemsPerPage")
                .hasMessageContaining("nothing was sent");
    }

    @Test
    void nextKeepsTheSizeAndCountsFromTheFirstPage() {
        PageRequest second = PageRequest.first(50).next();
        assertThat(second).isEqualTo(PageRequest.of(2, 50));
        assertThat(second.itemsPerPage()).hasValue(50);
        assertThat(PageRequest.defaults().next().pageNum()).hasValue(2);
        assertThat(PageRequest.defaults().next().itemsPerPage()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void defaultsSendNeither() {
        assertThat(PageRequest.defaults().pageNum()).isEmpty();
        assertThat(PageRequest.defaults().itemsPerPage()).isEmpty();
        assertThat(PageRequest.defaults()).hasToString("PageRequest[pageNum=default, itemsPerPage=default]");
        assertThat(PageRequest.of(3, 7)).hasToString("PageRequest[pageNum=3, itemsPerPage=7]");
    }
}
