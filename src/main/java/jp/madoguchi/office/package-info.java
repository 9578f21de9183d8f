/** Office (職員用画面): the staff-facing shell at {@code /office}; capabilities add their screens beside it. */
package jp.madoguchi.office;
