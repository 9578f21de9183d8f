/**
 * Staff (職員): accounts with roles, sign-in, and the security of the office. Public API: {@link
 * jp.madoguchi.staff.CurrentStaff}, {@link jp.madoguchi.staff.StaffMember}, {@link jp.madoguchi.staff.StaffRole},
 * {@link jp.madoguchi.staff.StaffDirectory}.
 */
package jp.madoguchi.staff;
