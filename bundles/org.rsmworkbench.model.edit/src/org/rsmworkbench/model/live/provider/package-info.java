/**
 * EMF.Edit item providers of the live model (generated), for views of a running cluster. API (provisional until 1.0).
 */
package org.rsmworkbench.model.live.provider;
