package org.borderflows.query.sdmx;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small XML writer over {@link XMLStreamWriter} (which escapes text and attribute values): elements are named
 * {@code prefix:local} with the prefixes declared on the root, attributes come as name/value pairs and a null value
 * leaves the attribute out.
 */
final class Xml {
    private final StringWriter out = new StringWriter(4096);
    private final XMLStreamWriter xml;
    private final String[] namespaces;
    private boolean rootOpen;

    /** @param namespaces prefix/URI pairs declared on the root element */
    Xml(String... namespaces) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        this.namespaces = namespaces;
    }

    Xml start(String name, String... attributes) {
        try {
            int colon = name.indexOf(':');
            if (colon < 0) {
                xml.writeStartElement(name);
            } else {
                String prefix = name.substring(0, colon);
                xml.writeStartElement(prefix, name.substring(colon + 1), namespace(prefix));
            }
            if (!rootOpen) {
                for (int i = 0; i < namespaces.length; i += 2) {
                    xml.writeNamespace(namespaces[i], namespaces[i + 1]);
                }
                rootOpen = true;
            }
            for (int i = 0; i < attributes.length; i += 2) {
                if (attributes[i + 1] == null) {
                    continue;
                }
                String attribute = attributes[i];
                int c = attribute.indexOf(':');
                if (c < 0) {
                    xml.writeAttribute(attribute, attributes[i + 1]);
                } else {
                    String prefix = attribute.substring(0, c);
                    xml.writeAttribute(prefix, namespace(prefix), attribute.substring(c + 1), attributes[i + 1]);
                }
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml text(String text) {
        try {
            xml.writeCharacters(text);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml end() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text. */
    Xml leaf(String name, String text, String... attributes) {
        return start(name, attributes).text(text).end();
    }

    /** An element without content. */
    Xml empty(String name, String... attributes) {
        return start(name, attributes).end();
    }

    private String namespace(String prefix) {
        if (prefix.equals("xml")) {
            return javax.xml.XMLConstants.XML_NS_URI;
        }
        for (int i = 0; i < namespaces.length; i += 2) {
            if (namespaces[i].equals(prefix)) {
                return namespaces[i + 1];
            }
        }
        throw new IllegalArgumentException("undeclared prefix " + prefix);
    }

    @Override
    public String toString() {
        try {
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
