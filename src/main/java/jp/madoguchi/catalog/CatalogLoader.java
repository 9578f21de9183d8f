package jp.madoguchi.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.catalog.internal.CatalogReader;
import jp.madoguchi.catalog.internal.CatalogValidator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads and validates a catalog from its files: the only way a {@link Catalog} comes into being. */
public final class CatalogLoader {

    /** Where the shipped default catalog lives on the classpath. */
    public static final String DEFAULT_LOCATION = "catalog/default";

    private CatalogLoader() {
    }

    /**
     * Reads and validates {@code files}.
     *
     * @throws CatalogException with every problem (file, line, reason) when the catalog is not sound
     */
    public static Catalog load(List<CatalogFile> files, LocalDate today) {
        String key = fingerprint(files);
        synchronized (LOADED) {
            Catalog known = LOADED.get(key);
            if (known != null) {
                return known;
            }
        }
        Catalog catalog = readAndValidate(files, today);
        synchronized (LOADED) {
            LOADED.put(key, catalog);
        }
        return catalog;
    }

    /**
     * Catalogs already read and validated, by the fingerprint of their files: the same files (the shipped default,
     * a published version) are validated once per process, not at every use. A catalog is immutable.
     */
    private static final java.util.Map<String, Catalog> LOADED = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Catalog> eldest) {
            return size() > 32;
        }
    };

    private static String fingerprint(List<CatalogFile> files) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (CatalogFile f : files.stream().sorted(java.util.Comparator.comparing(CatalogFile::path)).toList()) {
                sha.update(f.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and validates {@code files} without the cache (for benchmarks). */
    public static Catalog loadUncached(List<CatalogFile> files, LocalDate today) {
        return readAndValidate(files, today);
    }

    private static Catalog readAndValidate(List<CatalogFile> files, LocalDate today) {
        CatalogReader.Reading reading = CatalogReader.read(files);
        List<CatalogProblem> problems = new ArrayList<>(reading.problems());
        if (problems.isEmpty()) {
            problems.addAll(CatalogValidator.validate(reading.catalog(), today));
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return reading.catalog();
    }

    /** The problems of {@code files}, empty when they make a sound catalog. */
    public static List<CatalogProblem> problems(List<CatalogFile> files, LocalDate today) {
        try {
            load(files, today);
            return List.of();
        } catch (CatalogException e) {
            return e.problems();
        }
    }

    /**
     * The files under {@code location} on the classpath (catalog.yaml and the yaml files of procedures/, events/,
     * personas/), strictly decoded as UTF-8.
     *
     * @throws CatalogException when a file is not valid UTF-8 or is not where the format allows
     */
    public static List<CatalogFile> classpathFiles(String location) {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            List<CatalogFile> files = new ArrayList<>();
            List<CatalogProblem> problems = new ArrayList<>();
            for (Resource r : resolver.getResources("classpath*:" + location + "/**/*.y*ml")) {
                String url = r.getURL().toString();
                String path = url.substring(url.lastIndexOf(location + "/") + location.length() + 1);
                try (InputStream in = r.getInputStream()) {
                    String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
                    files.add(new CatalogFile(path, text));
                } catch (CharacterCodingException e) {
                    problems.add(new CatalogProblem(new SourceLocation(path, 0), "UTF-8 として読めません"));
                } catch (IllegalArgumentException e) {
                    problems.add(new CatalogProblem(new SourceLocation(path, 0), e.getMessage()));
                }
            }
            if (!problems.isEmpty()) {
                throw new CatalogException(problems);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
