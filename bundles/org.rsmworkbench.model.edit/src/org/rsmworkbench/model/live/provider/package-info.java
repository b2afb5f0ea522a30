/**
 * EMF.Edit item providers of the live model (generated), for views of a running cluster.
 */
package org.rsmworkbench.model.live.provider;
