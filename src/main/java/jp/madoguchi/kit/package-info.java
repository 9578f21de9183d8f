/**
 * Japanese public-sector standards kit: era dates (和暦), legal ages, check digits, kana and character width,
 * national holidays and office days, municipality codes, and the convenience-store barcode.
 *
 * <p>Plain Java: no Spring, no database, no I/O beyond the kit's own resources. Another project can depend on
 * this package alone (the build produces {@code madoguchi-VERSION-kit.jar}).
 */
package jp.madoguchi.kit;
