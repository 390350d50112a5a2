/**
 * Market data, indicators, stock diagnosis and AIGC market commentary.
 */
package org.finassist.content;
