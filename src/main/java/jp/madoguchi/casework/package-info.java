/**
 * 申請管理（職員） — the staff side of online and counter applications (issue 5, docs/applications.md): work queues per
 * department, a case with the submitted form beside the applicant's register record (read through the audited
 * {@link jp.madoguchi.resident.ResidentRegister}) and the differences between them, the case's transitions and
 * history, and the export of decided applications for the back-office systems.
 */
package jp.madoguchi.casework;
