/**
 * Resident register mirror (住民記録): persons, households and addresses with the standard items, their history,
 * and the one audited path through which every read of a person's data goes ({@link
 * jp.madoguchi.resident.ResidentRegister}).
 *
 * <p>The portal never depends on this module: the resident-facing side knows only what residents tell it.
 */
package jp.madoguchi.resident;
