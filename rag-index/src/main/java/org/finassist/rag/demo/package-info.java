/** The demo brokerage knowledge base written by the project (FAQ and documents, in Chinese). */
package org.finassist.rag.demo;
