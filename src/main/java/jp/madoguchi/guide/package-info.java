/**
 * Life-event guide (手続案内): a resident on the portal — or staff with a visitor in the office — answers a short
 * adaptive questionnaire and gets every procedure that applies, why, by when, what to bring, where and how (online
 * first), a printable checklist and a shareable link that holds no personal data. Also a public JSON API for other
 * channels (chatbots, kiosks).
 *
 * <p>Never needs the resident register: it works only from what the resident answers.
 */
package jp.madoguchi.guide;
