package jp.madoguchi.catalog;

/**
 * 担当課 — a department (or, when {@code external}, a body outside the municipality such as 年金事務所) that handles
 * procedures.
 */
public record Department(String code, String name, String place, String phone, boolean external,
        SourceLocation location) {
}
