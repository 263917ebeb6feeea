/* validate.c — checks that an output file is well-formed XML that
 * schema/belopp.xsd accepts.  Usage: validate SCHEMA.xsd FILE.xml
 * Exit 0 valid, 1 invalid (the reason on stderr), 2 usage or I/O error.
 *
 * Both files are read by us and parsed from memory with network access off
 * and a loader that refuses every external entity.
 */
#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

static xmlParserInputPtr no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)id;
    (void)ctxt;
    fprintf(stderr, "validate: refused external entity %s\n", url ? url : "(null)");
    return NULL;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    while (b) {
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
        }
        size_t got = fread(b + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    return b;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: validate SCHEMA.xsd FILE.xml\n");
        return 2;
    }
    xmlSetExternalEntityLoader(no_entities);
    size_t xsd_len, xml_len;
    char *xsd = slurp(argv[1], &xsd_len), *xml = slurp(argv[2], &xml_len);
    if (!xsd || !xml) {
        fprintf(stderr, "validate: cannot read %s\n", xsd ? argv[2] : argv[1]);
        free(xsd);
        free(xml);
        return 2;
    }
    int rc = 1;
    xmlSchemaParserCtxtPtr pctx = xmlSchemaNewMemParserCtxt(xsd, (int)xsd_len);
    xmlSchemaPtr schema = pctx ? xmlSchemaParse(pctx) : NULL;
    xmlSchemaValidCtxtPtr vctx = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
    xmlDocPtr doc = xmlReadMemory(xml, (int)xml_len, argv[2], NULL, XML_PARSE_NONET);
    if (!vctx)
        rc = 2;
    else if (!doc)
        fprintf(stderr, "validate: %s: not well-formed\n", argv[2]);
    else if (xmlSchemaValidateDoc(vctx, doc) != 0)
        fprintf(stderr, "validate: %s: does not match the schema\n", argv[2]);
    else
        rc = 0;
    xmlFreeDoc(doc);
    xmlSchemaFreeValidCtxt(vctx);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pctx);
    free(xsd);
    free(xml);
    xmlCleanupParser();
    return rc;
}
