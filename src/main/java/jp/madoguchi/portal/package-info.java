/**
 * Portal (住民向け): what residents use on the internet side. It must never depend on the resident register: it
 * knows only what residents tell it and what their card proved. {@code PortalBoundaryTest} enforces this.
 */
package jp.madoguchi.portal;
