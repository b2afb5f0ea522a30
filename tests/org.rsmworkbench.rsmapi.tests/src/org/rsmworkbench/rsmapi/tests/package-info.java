/** Tests of the RSMAPI binding bundle org.rsmworkbench.rsmapi, without a runtime behind it. */
package org.rsmworkbench.rsmapi.tests;
