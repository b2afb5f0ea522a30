/**
 * Generated utilities of the live model: switch and adapter factory. API (provisional until 1.0).
 */
package org.rsmworkbench.model.live.util;
