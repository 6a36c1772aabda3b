package io.github.atlascredentials.spec.drift;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares an official schema with ours, recursively through {@code $ref}s, {@code allOf} (whose
 * members are read as one schema), {@code oneOf}/{@code anyOf}, array items and properties: types,
 * formats, nullability, readOnly/writeOnly, enums, bounds, required and properties.
 */
final class SchemaDrift {

    /** The attributes compared on every schema, with the value their absence means. */
    private record Attribute(String name, Function<Schema<?>, Object> read, Object absentMeans) {}

    private static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute("type", Schema::getType, null),
            new Attribute("format", Schema::getFormat, null),
            new Attribute("nullable", Schema::getNullable, false),
            new Attribute("readOnly", Schema::getReadOnly, false),
            new Attribute("writeOnly", Schema::getWriteOnly, false),
            new Attribute("minimum", Schema::getMinimum, null),
            new Attribute("exclusiveMinimum", Schema::getExclusiveMinimum, false),
            new Attribute("maximum", Schema::getMaximum, null),
            new Attribute("exclusiveMaximum", Schema::getExclusiveMaximum, false),
            new Attribute("minLength", Schema::getMinLength, null),
            new Attribute("maxLength", Schema::getMaxLength, null),
            new Attribute("pattern", Schema::getPattern, null),
            new Attribute("minItems", Schema::getMinItems, null),
            new Attribute("maxItems", Schema::getMaxItems, null));

    private final ParsedSpec official;
    private final ParsedSpec ours;
    private final Findings findings;
    private final Set<String> inProgress = new HashSet<>();

    SchemaDrift(ParsedSpec official, ParsedSpec ours, Findings findings) {
        this.official = official;
        this.ours = ours;
        this.findings = findings;
    }

    /** Compares the schemas found at two (unresolved) nodes; {@code item} names the official one's place. */
    void compare(
            Schema<?> officialSchema, String officialPointer, Schema<?> ourSchema, String ourPointer, String item) {
        compare(official.schema(officialSchema, officialPointer), ours.schema(ourSchema, ourPointer), item);
    }

    private void compare(Located<Schema<?>> officialSchema, Located<Schema<?>> ourSchema, String item) {
        String pair = officialSchema.pointer() + "|" + ourSchema.pointer();
        if (!inProgress.add(pair)) {
            return; // a recursive schema: this pair is being compared further up
        }
        try {
            Flat theirs = flatten(official, officialSchema);
            Flat mine = flatten(ours, ourSchema);
            String place = ourSchema.pointer();
            for (Attribute attribute : ATTRIBUTES) {
                Object officialValue = normalized(theirs.attribute(attribute));
                Object ourValue = normalized(mine.attribute(attribute));
                if (!Objects.equals(officialValue, ourValue)) {
                    findings.add(
                            item + "." + attribute.name(), officialValue, ourValue, new Place(place, attribute.name()));
                }
            }
            compareEnums(theirs, mine, item, place);
            compareRequired(theirs, mine, item, place);
            compareProperties(theirs, mine, item, place);
            compareItems(theirs, mine, item, place);
            compareAlternatives("oneOf", theirs.oneOf, mine.oneOf, item, place);
            compareAlternatives("anyOf", theirs.anyOf, mine.anyOf, item, place);
        } finally {
            inProgress.remove(pair);
        }
    }

    private void compareEnums(Flat theirs, Flat mine, String item, String place) {
        List<String> officialValues = theirs.enumValues();
        List<String> ourValues = mine.enumValues();
        if (officialValues == null && ourValues == null) {
            return;
        }
        if (officialValues == null || ourValues == null) {
            findings.add(item + ".enum", officialValues, ourValues, new Place(place, "enum"));
            return;
        }
        for (String value : union(officialValues, ourValues)) {
            boolean inOfficial = officialValues.contains(value);
            if (inOfficial != ourValues.contains(value)) {
                String key = "enum[" + value + "]";
                findings.add(item + "." + key, listed(inOfficial), listed(!inOfficial), new Place(place, key));
            }
        }
    }

    private void compareRequired(Flat theirs, Flat mine, String item, String place) {
        for (String name : union(theirs.required, mine.required)) {
            boolean inOfficial = theirs.required.contains(name);
            if (inOfficial != mine.required.contains(name)) {
                String key = "required[" + name + "]";
                findings.add(
                        item + "." + key,
                        inOfficial ? "required" : "optional",
                        inOfficial ? "optional" : "required",
                        new Place(place, key));
            }
        }
    }

    private void compareProperties(Flat theirs, Flat mine, String item, String place) {
        for (String name : union(theirs.properties.keySet(), mine.properties.keySet())) {
            Located<Schema<?>> officialProperty = theirs.properties.get(name);
            Located<Schema<?>> ourProperty = mine.properties.get(name);
            String key = "properties." + name;
            if (ourProperty == null) {
                findings.add(item + "." + key, Findings.DECLARED, null, new Place(place, key));
            } else if (officialProperty == null) {
                List<Place> places = new ArrayList<>();
                if (ourProperty.value().get$ref() == null) {
                    places.add(new Place(ourProperty.pointer(), Place.NOT_IN_OFFICIAL));
                }
                places.add(new Place(place, key));
                findings.add(item + "." + key, null, Findings.DECLARED, places.toArray(Place[]::new));
            } else {
                compare(
                        officialProperty.value(),
                        officialProperty.pointer(),
                        ourProperty.value(),
                        ourProperty.pointer(),
                        item + "." + key);
            }
        }
    }

    private void compareItems(Flat theirs, Flat mine, String item, String place) {
        Located<Schema<?>> officialItems = theirs.items;
        Located<Schema<?>> ourItems = mine.items;
        if (officialItems == null && ourItems == null) {
            return;
        }
        if (officialItems == null || ourItems == null) {
            findings.add(
                    item + ".items",
                    officialItems == null ? null : Findings.DECLARED,
                    ourItems == null ? null : Findings.DECLARED,
                    new Place(place, "items"));
            return;
        }
        compare(officialItems.value(), officialItems.pointer(), ourItems.value(), ourItems.pointer(), item + ".items");
    }

    private void compareAlternatives(
            String keyword, List<Located<Schema<?>>> theirs, List<Located<Schema<?>>> mine, String item, String place) {
        if (theirs.size() != mine.size()) {
            findings.add(
                    item + "." + keyword,
                    theirs.size() + " alternatives",
                    mine.size() + " alternatives",
                    new Place(place, keyword));
            return;
        }
        for (int i = 0; i < theirs.size(); i++) {
            compare(
                    theirs.get(i).value(),
                    theirs.get(i).pointer(),
                    mine.get(i).value(),
                    mine.get(i).pointer(),
                    item + "." + keyword + "[" + i + "]");
        }
    }

    /** A schema with its allOf members read as one: properties and required merged, attributes from the first that has them. */
    private static final class Flat {
        final List<Schema<?>> members = new ArrayList<>();
        final Map<String, Located<Schema<?>>> properties = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();
        final List<Located<Schema<?>>> oneOf = new ArrayList<>();
        final List<Located<Schema<?>>> anyOf = new ArrayList<>();
        Located<Schema<?>> items;

        Object attribute(Attribute attribute) {
            for (Schema<?> member : members) {
                Object value = attribute.read().apply(member);
                if (value != null) {
                    return value;
                }
            }
            return attribute.absentMeans();
        }

        List<String> enumValues() {
            for (Schema<?> member : members) {
                if (member.getEnum() != null) {
                    return member.getEnum().stream().map(String::valueOf).toList();
                }
            }
            return null;
        }
    }

    private static Flat flatten(ParsedSpec spec, Located<Schema<?>> schema) {
        Flat flat = new Flat();
        addMember(spec, schema, flat, 0);
        return flat;
    }

    private static void addMember(ParsedSpec spec, Located<Schema<?>> located, Flat flat, int depth) {
        if (depth > 32) {
            throw new IllegalArgumentException("allOf nested too deep at " + located.pointer());
        }
        Schema<?> schema = located.value();
        flat.members.add(schema);
        if (schema.getProperties() != null) {
            schema.getProperties()
                    .forEach((name, property) -> flat.properties.putIfAbsent(
                            name, new Located<>(property, Pointer.child(located.pointer(), "properties", name))));
        }
        if (schema.getRequired() != null) {
            flat.required.addAll(schema.getRequired());
        }
        if (flat.items == null && schema.getItems() != null) {
            flat.items = new Located<>(schema.getItems(), Pointer.child(located.pointer(), "items"));
        }
        addAlternatives(schema.getOneOf(), located.pointer(), "oneOf", flat.oneOf);
        addAlternatives(schema.getAnyOf(), located.pointer(), "anyOf", flat.anyOf);
        @SuppressWarnings("rawtypes")
        List<Schema> allOf = schema.getAllOf();
        if (allOf != null) {
            for (int i = 0; i < allOf.size(); i++) {
                Schema<?> member = allOf.get(i);
                addMember(
                        spec,
                        spec.schema(member, Pointer.child(located.pointer(), "allOf", String.valueOf(i))),
                        flat,
                        depth + 1);
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void addAlternatives(
            List<Schema> alternatives, String pointer, String keyword, List<Located<Schema<?>>> into) {
        if (alternatives != null) {
            for (int i = 0; i < alternatives.size(); i++) {
                into.add(new Located<>(alternatives.get(i), Pointer.child(pointer, keyword, String.valueOf(i))));
            }
        }
    }

    private static Object normalized(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros() : value;
    }

    private static String listed(boolean listed) {
        return listed ? "listed" : "not listed";
    }

    private static Set<String> union(Collection<String> first, Collection<String> second) {
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }
}
