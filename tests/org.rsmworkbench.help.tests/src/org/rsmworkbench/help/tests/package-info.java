/** Tests of the help bundle org.rsmworkbench.help: its tables of contents, pages, function reference and F1 contexts. */
package org.rsmworkbench.help.tests;
