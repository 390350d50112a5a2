/** Raw model I/O for the engines (tensor layout, DB post-processing, CTC decoding); not API. */
package org.finassist.ocr.engine.internal;
