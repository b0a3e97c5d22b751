package org.patchcare.inventory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.patchcare.shared.domain.BaseEntity;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A device maker. Advisories spell vendors in many ways ("Philips", "Phillips"); aliases map each spelling
 * to one manufacturer, compared through {@link NameNormalizer}.
 */
@Entity
@Table(name = "manufacturer")
public class Manufacturer extends BaseEntity {

    public static final int NAME_MAX = 120;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "normalized_name", nullable = false, length = NAME_MAX)
    private String normalizedName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "manufacturer_alias", joinColumns = @JoinColumn(name = "manufacturer_id"))
    private Set<Alias> aliases = new LinkedHashSet<>();

    @Embeddable
    public static class Alias {
        @Column(name = "alias", nullable = false, length = NAME_MAX)
        private String alias;
        @Column(name = "normalized_alias", nullable = false, length = NAME_MAX)
        private String normalizedAlias;

        protected Alias() {
        }

        Alias(String alias) {
            this.alias = alias.strip();
            this.normalizedAlias = NameNormalizer.normalize(alias);
        }

        public String getAlias() { return alias; }
        public String getNormalizedAlias() { return normalizedAlias; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Alias a && Objects.equals(normalizedAlias, a.normalizedAlias);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(normalizedAlias);
        }
    }

    protected Manufacturer() {
    }

    public Manufacturer(String name) {
        rename(name);
    }

    public String getPublicId() { return publicId; }
    public String getName() { return name; }
    public String getNormalizedName() { return normalizedName; }

    public void rename(String name) {
        this.name = name == null ? null : name.strip();
        this.normalizedName = NameNormalizer.normalize(name);
    }

    public Set<String> getAliases() {
        LinkedHashSet<String> names = aliases.stream().map(Alias::getAlias)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return Collections.unmodifiableSet(names);
    }

    /** Replaces the alias list; spellings equal to the name after normalisation are dropped. */
    public void setAliases(Set<String> spellings) {
        aliases.clear();
        for (String s : spellings) {
            if (s != null && !s.isBlank() && !NameNormalizer.normalize(s).equals(normalizedName)) {
                aliases.add(new Alias(s));
            }
        }
    }

    public boolean answersTo(String spelling) {
        String n = NameNormalizer.normalize(spelling);
        return n.equals(normalizedName) || aliases.stream().anyMatch(a -> a.normalizedAlias.equals(n));
    }
}
