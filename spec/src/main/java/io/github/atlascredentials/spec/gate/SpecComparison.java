package io.github.atlascredentials.spec.gate;

import java.util.List;
import java.util.Objects;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/** One openapi-diff comparison of the released spec with the current one, and its reports. */
public final class SpecComparison {

    /** The HTML report links this stylesheet, written beside it, instead of openapi-diff's remote one. */
    public static final String HTML_STYLESHEET = "spec-changes.css";

    private final ChangedOpenApi changes;
    private final List<String> removedModelMembers;
    private final List<String> plainDifferences;

    private SpecComparison(ChangedOpenApi changes, List<String> removedModelMembers, List<String> plainDifferences) {
        this.changes = changes;
        this.removedModelMembers = removedModelMembers;
        this.plainDifferences = plainDifferences;
    }

    public static SpecComparison of(String releasedSpec, String currentSpec) {
        Objects.requireNonNull(releasedSpec, "releasedSpec");
        Objects.requireNonNull(currentSpec, "currentSpec");
        return new SpecComparison(
                OpenApiCompare.fromContents(releasedSpec, currentSpec),
                RemovedModelMembers.between(releasedSpec, currentSpec),
                SpecTreeDiff.between(releasedSpec, currentSpec));
    }

    /** openapi-diff's verdict, raised to INCOMPATIBLE when a generated model loses a class or member. */
    public DiffResult result() {
        DiffResult openApiDiff = openApiDiffResult();
        return removedModelMembers.isEmpty() || openApiDiff.isIncompatible() ? openApiDiff : DiffResult.INCOMPATIBLE;
    }

    public DiffResult openApiDiffResult() {
        return changes.isChanged();
    }

    /** Schemas and properties of the released spec that the current one lacks, one sentence each. */
    public List<String> removedModelMembers() {
        return removedModelMembers;
    }

    /** openapi-diff's Markdown report; empty when nothing but metadata changed. */
    /** Every added ({@code +}), removed ({@code -}) or changed ({@code ~}) value, by its path in the spec. */
    public List<String> plainDifferences() {
        return plainDifferences;
    }

    public String markdown() {
        return new MarkdownRender().render(changes);
    }

    public String html(String title) {
        return new HtmlRender(title, HTML_STYLESHEET).render(changes);
    }

    public int newEndpoints() {
        return changes.getNewEndpoints().size();
    }

    public int missingEndpoints() {
        return changes.getMissingEndpoints().size();
    }

    public int changedOperations() {
        return changes.getChangedOperations().size();
    }
}
