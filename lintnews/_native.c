/* Optional compiled kernels for lintnews's hot paths.
 *
 * Each function here has a pure-Python definition in `lintnews.native` that it must equal
 * exactly (tests/test_native.py compares the two on generated text); lintnews runs the Python
 * definitions when this module is not built or when LINTNEWS_PURE_PYTHON is set.
 *
 * Word characters are those of Python's `re` for str patterns: `\w` is
 * Py_UNICODE_ISALNUM(ch) or "_" (CPython's sre uses the same two tests), so the kernels agree
 * with the regular expressions they stand in for on every code point.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>

/* s33-lang: character properties ------------------------------------------------------------
 * CPython's tests are calls into its Unicode database (one to four for str.isalnum): the answers
 * for the Basic Multilingual Plane are read from a table made when the module is, from those
 * same tests (so every answer is theirs; 7 M instructions, ~3 ms, once a process: filling a row
 * when first asked cost a test a character, more than that in a run), where a news crawl's text
 * of other scripts than Latin (a sixth of its characters) made a call a character; above the
 * plane, the calls. */
enum { PROP_ALNUM = 1, PROP_DIGIT = 2, PROP_LOWER = 4, PROP_WORD = 8, PROP_ALPHA = 16, PROP_CASELESS = 32 };
static uint8_t bmp_props[0x10000];

/* A letter of a script without letter case (Han, kana, Hangul, Arabic, Hebrew, Thai,
 * Devanagari …): str.isalpha, from U+0590 (Hebrew) on, neither lower, upper nor title case
 * (lintnews.native.py_caseless_letter). */
static inline int caseless_letter(Py_UCS4 ch)
{
    return ch >= 0x0590 && Py_UNICODE_ISALPHA(ch) && !Py_UNICODE_ISLOWER(ch) && !Py_UNICODE_ISUPPER(ch) &&
           !Py_UNICODE_ISTITLE(ch);
}

static void make_bmp_props(void)
{
    for (Py_UCS4 ch = 0; ch < 0x10000; ch++) {
        int alnum = Py_UNICODE_ISALNUM(ch); /* (str.isdigit implies str.isalnum) */
        bmp_props[ch] = (uint8_t)((alnum ? PROP_ALNUM : 0) | (alnum && Py_UNICODE_ISDIGIT(ch) ? PROP_DIGIT : 0) |
                                  (Py_UNICODE_ISLOWER(ch) ? PROP_LOWER : 0) | (alnum || ch == '_' ? PROP_WORD : 0) |
                                  (Py_UNICODE_ISALPHA(ch) ? PROP_ALPHA : 0) | (caseless_letter(ch) ? PROP_CASELESS : 0));
    }
}

static inline int is_alnum(Py_UCS4 ch)
{
    return ch < 0x10000 ? (bmp_props[ch] & PROP_ALNUM) != 0 : Py_UNICODE_ISALNUM(ch);
}

static inline int is_digit(Py_UCS4 ch)
{
    return ch < 0x10000 ? (bmp_props[ch] & PROP_DIGIT) != 0 : Py_UNICODE_ISDIGIT(ch);
}

static inline int is_lower(Py_UCS4 ch)
{
    return ch < 0x10000 ? (bmp_props[ch] & PROP_LOWER) != 0 : Py_UNICODE_ISLOWER(ch);
}

/* A word character of `re` (\w): alphanumeric or "_". */
static inline int is_word_char(Py_UCS4 ch)
{
    return ch < 0x10000 ? (bmp_props[ch] & PROP_WORD) != 0 : Py_UNICODE_ISALNUM(ch);
}
/* end s33-lang character properties --------------------------------------------------------- */

/* s34-views: the views' kernels' shortcuts ----------------------------------------------------
 * Runs of ASCII characters, read 16 bytes at a time. Most characters of a news text are ASCII,
 * also in a text of two bytes a character (a curly quote or a dash anywhere makes the whole
 * text so: 87 % of the characters of the first 1,000 documents of the 200 MB crawl).
 * ascii_run_T(src, i, end) is i moved past the ASCII characters that follow it, whole vectors
 * while they fit before end, then to the first character that is not ASCII in the last vector
 * read: the caller's loop goes on from there a character at a time (past the last few before
 * end too). (Where runs are a word long, finding their ends so costs what the loops of a
 * character at a time do: only fold_scan's runs, of whole texts, use it.) */
#if defined(__SSE2__)
#include <emmintrin.h>

/* Defines ascii_run_T for characters of width T (1 or 2 bytes): in one byte a character a lane
 * is ASCII when its byte's high bit is clear, in two when its bits 7 to 15 are. */
#define ASCII_RUN(T, NOT_ASCII)                                                                    \
    static inline Py_ssize_t ascii_run_##T(const T *src, Py_ssize_t i, Py_ssize_t end)             \
    {                                                                                              \
        const Py_ssize_t lanes = 16 / (Py_ssize_t)sizeof(T);                                       \
        while (i + lanes <= end) {                                                                 \
            __m128i v = _mm_loadu_si128((const __m128i *)(src + i));                               \
            unsigned bad = (unsigned)_mm_movemask_epi8(NOT_ASCII(v));                              \
            if (bad)                                                                               \
                return i + (Py_ssize_t)(__builtin_ctz(bad) / sizeof(T));                           \
            i += lanes;                                                                            \
        }                                                                                          \
        return i;                                                                                  \
    }
#define NOT_ASCII_1(v) (v)
#define NOT_ASCII_2(v)                                                                             \
    _mm_xor_si128(_mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16((short)0xFF80)), _mm_setzero_si128()), \
                  _mm_set1_epi8(-1))
ASCII_RUN(Py_UCS1, NOT_ASCII_1)
ASCII_RUN(Py_UCS2, NOT_ASCII_2)
#undef ASCII_RUN
#undef NOT_ASCII_1
#undef NOT_ASCII_2
#else
static inline Py_ssize_t ascii_run_Py_UCS1(const Py_UCS1 *src, Py_ssize_t i, Py_ssize_t end) { return i; }
static inline Py_ssize_t ascii_run_Py_UCS2(const Py_UCS2 *src, Py_ssize_t i, Py_ssize_t end) { return i; }
#endif
static inline Py_ssize_t ascii_run_Py_UCS4(const Py_UCS4 *src, Py_ssize_t i, Py_ssize_t end) { return i; }

/* The UTF-8 of the str s written to out, which has room for 4 bytes a character (2 when s is of
 * one byte a character, 3 when of two): its length, or -1 when s holds a surrogate (UTF-8 has
 * none: the caller asks PyUnicode_AsUTF8AndSize for the error). What PyUnicode_AsUTF8AndSize
 * gives, without the copy of it that it allocates and keeps with the str. */
static Py_ssize_t utf8_into(PyObject *s, char *out)
{
    const Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (PyUnicode_IS_ASCII(s)) {
        memcpy(out, PyUnicode_DATA(s), (size_t)n);
        return n;
    }
    unsigned char *o = (unsigned char *)out;
#define UTF8_INTO(T)                                                                               \
    {                                                                                              \
        const T *src = (const T *)PyUnicode_DATA(s);                                               \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch < 0x80) {                                                                       \
                *o++ = (unsigned char)ch;                                                          \
            } else if (ch < 0x800) {                                                               \
                *o++ = (unsigned char)(0xC0 | (ch >> 6));                                          \
                *o++ = (unsigned char)(0x80 | (ch & 0x3F));                                        \
            } else if (ch < 0x10000) {                                                             \
                if (ch >= 0xD800 && ch <= 0xDFFF)                                                  \
                    return -1;                                                                     \
                *o++ = (unsigned char)(0xE0 | (ch >> 12));                                         \
                *o++ = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));                                 \
                *o++ = (unsigned char)(0x80 | (ch & 0x3F));                                        \
            } else {                                                                               \
                *o++ = (unsigned char)(0xF0 | (ch >> 18));                                         \
                *o++ = (unsigned char)(0x80 | ((ch >> 12) & 0x3F));                                \
                *o++ = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));                                 \
                *o++ = (unsigned char)(0x80 | (ch & 0x3F));                                        \
            }                                                                                      \
        }                                                                                          \
    }
    switch (PyUnicode_KIND(s)) {
    case PyUnicode_1BYTE_KIND:
        UTF8_INTO(Py_UCS1)
        break;
    case PyUnicode_2BYTE_KIND:
        UTF8_INTO(Py_UCS2)
        break;
    default:
        UTF8_INTO(Py_UCS4)
    }
#undef UTF8_INTO
    return (Py_ssize_t)(o - (unsigned char *)out);
}

/* The str of the len characters of width kind at buf, given most, the bitwise or of them all: a
 * str holds its characters in the narrowest width that fits the widest, and most is below 128,
 * 256 or 65536 exactly when every character is. PyUnicode_FromKindAndData finds the widest
 * character in a pass of its own (find_max_char: 36 M instructions of the views over the lines
 * of c1k, where the kernels' copy loops or each character into most at one instruction a
 * character). */
static PyObject *str_of(int kind, const char *buf, Py_ssize_t len, Py_UCS4 most)
{
    PyObject *s = PyUnicode_New(len, most < 0x80 ? 0x7F : most < 0x100 ? 0xFF : most < 0x10000 ? 0xFFFF : 0x10FFFF);
    if (s == NULL || len == 0)
        return s; /* (the empty str, a singleton: never written) */
    const int to = PyUnicode_KIND(s);
    void *out = PyUnicode_DATA(s);
    if (to == kind)
        memcpy(out, buf, (size_t)len * (size_t)kind);
    else if (kind == PyUnicode_2BYTE_KIND) /* (to one byte) */
        for (Py_ssize_t i = 0; i < len; i++)
            ((Py_UCS1 *)out)[i] = (Py_UCS1)((const Py_UCS2 *)buf)[i];
    else if (to == PyUnicode_1BYTE_KIND) /* (from four bytes) */
        for (Py_ssize_t i = 0; i < len; i++)
            ((Py_UCS1 *)out)[i] = (Py_UCS1)((const Py_UCS4 *)buf)[i];
    else /* (from four bytes to two) */
        for (Py_ssize_t i = 0; i < len; i++)
            ((Py_UCS2 *)out)[i] = (Py_UCS2)((const Py_UCS4 *)buf)[i];
    return s;
}
/* end s34-views shortcuts -------------------------------------------------------------------- */

/* Typed views of caller buffers: y* and PyBUF_SIMPLE guarantee contiguity, not alignment (a
 * memoryview or numpy view at an odd offset is accepted), and misaligned loads are undefined. */
static int check_aligned(const Py_buffer *view, size_t align, const char *what)
{
    if (((uintptr_t)view->buf & (align - 1)) == 0)
        return 0;
    PyErr_Format(PyExc_ValueError, "%s must be aligned to %zu bytes", what, align);
    return -1;
}

#define IS_ALNUM(ch) is_alnum(ch)
#define IS_WORD(ch) is_word_char(ch)

/* --- shingle hashes ---------------------------------------------------------------------- */

/* xxHash's reference implementation (vendored, BSD-2-Clause: lintnews/vendor/xxhash), inlined:
   XXH3-64 is the one hash of the corpus phase (lintnews/hashing.py), the same values the
   `xxhash` package gives the pure-Python path. */
#define XXH_INLINE_ALL
#include "xxhash.h"

/* s32-signature: the word shingles of one line, shared by shingle_hashes and signature_lines. */

/* Growing buffers of the shingle loop: the hashes made so far, and one line's word bounds. */
typedef struct {
    uint32_t *hashes;
    Py_ssize_t used, cap;
    Py_ssize_t *bounds; /* word starts and ends, two per word */
    Py_ssize_t bounds_cap;
} Shingler;

static int shingler_init(Shingler *sh)
{
    sh->used = 0;
    sh->cap = 1024;
    sh->bounds_cap = 256;
    sh->hashes = PyMem_Malloc(sh->cap * sizeof(uint32_t));
    sh->bounds = PyMem_Malloc(2 * sh->bounds_cap * sizeof(Py_ssize_t));
    if (sh->hashes == NULL || sh->bounds == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void shingler_free(Shingler *sh)
{
    PyMem_Free(sh->hashes);
    PyMem_Free(sh->bounds);
}

/* Appends the hashes of the word k-gram shingles of the UTF-8 line p[0:len] (words separated by
 * single spaces, no line break) to sh->hashes: max(w - k + 1, 1) of them for w words. Returns
 * how many, or -1 with an exception set. */
/* s43-serial: the line's words (at the end of this file) */
static Py_ssize_t s43_word_bounds(Shingler *sh, const unsigned char *p, Py_ssize_t len);

static Py_ssize_t shingle_line(Shingler *sh, const unsigned char *p, Py_ssize_t len, Py_ssize_t k)
{
    Py_ssize_t words = s43_word_bounds(sh, p, len);
    if (words < 0)
        return -1;
    Py_ssize_t m = words - k + 1 > 1 ? words - k + 1 : 1;
    if (sh->used + m > sh->cap) {
        Py_ssize_t cap = sh->cap;
        while (sh->used + m > cap)
            cap *= 2;
        uint32_t *grown = PyMem_Realloc(sh->hashes, cap * sizeof(uint32_t));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        sh->hashes = grown;
        sh->cap = cap;
    }
    const Py_ssize_t *bounds = sh->bounds;
    for (Py_ssize_t j = 0; j < m; j++) {
        Py_ssize_t last = j + k - 1 < words - 1 ? j + k - 1 : words - 1;
        Py_ssize_t lo = bounds[2 * j], hi = bounds[2 * last + 1];
        sh->hashes[sh->used++] = (uint32_t)XXH3_64bits(p + lo, (size_t)(hi - lo));
    }
    return m;
}

PyDoc_STRVAR(shingle_hashes_doc,
             "shingle_hashes(lines, k) -> (bytes, bytes)\n\n"
             "Word k-gram shingles of every line (a list of str without line breaks, words separated\n"
             "by single spaces): a line of w words has max(w - k + 1, 1) shingles, shingle j being its\n"
             "words j to min(j + k, w) - 1 with their spaces, in UTF-8. Returns the low 32 bits of\n"
             "the XXH3-64 digest of every shingle (native-endian uint32, line after line) and the number of shingles of\n"
             "each line (native-endian int64).");

static PyObject *native_shingle_hashes(PyObject *self, PyObject *args)
{
    PyObject *lines;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "O!n", &PyList_Type, &lines, &k))
        return NULL;
    if (k < 1) {
        PyErr_SetString(PyExc_ValueError, "k must be at least 1");
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(lines);
    PyObject *per_line = PyBytes_FromStringAndSize(NULL, 8 * count), *out = NULL;
    Shingler sh;
    if (shingler_init(&sh) < 0 || per_line == NULL)
        goto done;
    int64_t *shingles = (int64_t *)PyBytes_AS_STRING(per_line);
    for (Py_ssize_t l = 0; l < count; l++) {
        PyObject *line = PyList_GET_ITEM(lines, l);
        if (!PyUnicode_Check(line)) {
            PyErr_SetString(PyExc_TypeError, "shingle_hashes() needs a list of str");
            goto done;
        }
        Py_ssize_t len;
        const unsigned char *p = (const unsigned char *)PyUnicode_AsUTF8AndSize(line, &len);
        if (p == NULL)
            goto done;
        Py_ssize_t m = shingle_line(&sh, p, len, k);
        if (m < 0)
            goto done;
        shingles[l] = m;
    }
    PyObject *values = PyBytes_FromStringAndSize((const char *)sh.hashes, sh.used * (Py_ssize_t)sizeof(uint32_t));
    if (values != NULL)
        out = Py_BuildValue("(NO)", values, per_line);
done:
    Py_XDECREF(per_line);
    shingler_free(&sh);
    return out;
}

/* --- text ------------------------------------------------------------------------------- */

/* Declares kind, data and n: the characters of the str argument arg of the function named fn;
 * returns NULL with TypeError for anything else. */
#define TEXT_ARG(arg, fn)                                                                          \
    if (!PyUnicode_Check(arg)) {                                                                   \
        PyErr_SetString(PyExc_TypeError, fn "() needs a str");                                     \
        return NULL;                                                                               \
    }                                                                                              \
    if (PyUnicode_READY(arg) < 0)                                                                  \
        return NULL;                                                                               \
    const int kind = PyUnicode_KIND(arg);                                                          \
    const void *data = PyUnicode_DATA(arg);                                                        \
    const Py_ssize_t n = PyUnicode_GET_LENGTH(arg)

static inline int is_joiner(Py_UCS4 ch) { return ch == '\'' || ch == '-' || ch == 0x2019; }

/* Where the word that starts at i (a word character) ends: its run of word characters, and each
 * apostrophe or hyphen that is followed by another run, with that run. */
static Py_ssize_t word_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    while (i < n && IS_WORD(PyUnicode_READ(kind, data, i)))
        i++;
    while (i + 1 < n && is_joiner(PyUnicode_READ(kind, data, i)) && IS_WORD(PyUnicode_READ(kind, data, i + 1))) {
        i += 1;
        while (i < n && IS_WORD(PyUnicode_READ(kind, data, i)))
            i++;
    }
    return i;
}

PyDoc_STRVAR(words_doc, "words(text) -> list[str]\n\n"
                        "re.findall(r\"\\w+(?:[\\u2019'\\-]\\w+)*\", text): words with inner apostrophes "
                        "and hyphens.");

static PyObject *native_words(PyObject *self, PyObject *arg)
{
    TEXT_ARG(arg, "words");
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = 0;
    while (i < n) {
        if (!IS_WORD(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        i = word_end(kind, data, n, i);
        PyObject *word = PyUnicode_Substring(arg, start, i);
        if (word == NULL || PyList_Append(out, word) < 0) {
            Py_XDECREF(word);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(word);
    }
    return out;
}

PyDoc_STRVAR(count_words_doc,
             "count_words(text, vocabulary) -> (counts, words, numbers)\n\n"
             "Over the whitespace-separated words of text: how often each word of vocabulary (a dict\n"
             "from word to its index, 0 to len - 1, or vocabulary() of one) occurs, as a list by index;\n"
             "the number of words; and the number of words that are str.isdigit().");

/* An open-addressing table of the vocabulary's words, so that the words of the text are looked
 * up by their characters, without making a str of each. */
typedef struct {
    PyObject *key; /* borrowed from the vocabulary */
    uint64_t hash;
    Py_ssize_t index;
} vocab_slot;

static uint64_t chars_hash(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    uint64_t h = 1469598103934665603ull;
    for (Py_ssize_t i = start; i < end; i++) {
        h ^= PyUnicode_READ(kind, data, i);
        h *= 1099511628211ull;
    }
    return h;
}

static int same_chars(PyObject *key, int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    if (PyUnicode_GET_LENGTH(key) != end - start)
        return 0;
    int kk = PyUnicode_KIND(key);
    const void *kd = PyUnicode_DATA(key);
    for (Py_ssize_t i = start; i < end; i++)
        if (PyUnicode_READ(kk, kd, i - start) != PyUnicode_READ(kind, data, i))
            return 0;
    return 1;
}

/* A vocabulary's open-addressing table (the words of the vocabulary dict it keeps a reference
 * to), made by each count_words call from a dict, or once by vocabulary(). */
typedef struct {
    PyObject *vocab;
    vocab_slot *table;
    Py_ssize_t mask, size, longest;
} vocab_table;

/* A list of Python ints of counts[0..n) (NULL with an exception set on failure). */
static PyObject *ssize_list(const Py_ssize_t *counts, Py_ssize_t n)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *c = PyLong_FromSsize_t(counts[k]);
        if (c == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, k, c);
    }
    return list;
}

static void vocab_table_clear(vocab_table *vt)
{
    PyMem_Free(vt->table);
    vt->table = NULL;
    Py_CLEAR(vt->vocab);
}

static int vocab_table_make(PyObject *vocab, vocab_table *vt)
{
    PyObject *key, *value;
    Py_ssize_t size = PyDict_GET_SIZE(vocab), pos = 0, longest = 0, mask = 15;
    while (mask + 1 < 4 * size)
        mask = 2 * mask + 1;
    vt->vocab = vocab;
    Py_INCREF(vocab);
    vt->table = PyMem_Calloc((size_t)(mask + 1), sizeof(vocab_slot));
    if (vt->table == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    while (PyDict_Next(vocab, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || PyUnicode_READY(key) < 0) {
            PyErr_SetString(PyExc_TypeError, "vocabulary keys must be str");
            goto fail;
        }
        Py_ssize_t at = PyLong_Check(value) ? PyLong_AsSsize_t(value) : -1;
        if (at < 0 || at >= size) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "vocabulary values must be indices from 0 to len - 1");
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(key);
        if (len > longest)
            longest = len;
        uint64_t h = chars_hash(PyUnicode_KIND(key), PyUnicode_DATA(key), 0, len);
        Py_ssize_t j = (Py_ssize_t)(h & (uint64_t)mask);
        while (vt->table[j].key != NULL)
            j = (j + 1) & mask;
        vt->table[j].key = key;
        vt->table[j].hash = h;
        vt->table[j].index = at;
    }
    vt->mask = mask;
    vt->size = size;
    vt->longest = longest;
    return 0;
fail:
    vocab_table_clear(vt);
    return -1;
}

static void vocabulary_capsule_free(PyObject *capsule)
{
    vocab_table *vt = PyCapsule_GetPointer(capsule, "lintnews._native.vocabulary");
    if (vt != NULL) {
        vocab_table_clear(vt);
        PyMem_Free(vt);
    }
}

PyDoc_STRVAR(vocabulary_doc,
             "vocabulary(vocabulary) -> table\n\n"
             "The table count_words makes of a vocabulary dict (word -> index), made once from a copy\n"
             "of it: count_words takes it in place of the dict, without making the table again.");

static PyObject *native_vocabulary(PyObject *self, PyObject *vocab)
{
    if (!PyDict_Check(vocab)) {
        PyErr_SetString(PyExc_TypeError, "vocabulary() takes a dict");
        return NULL;
    }
    PyObject *copy = PyDict_Copy(vocab); /* (the caller's dict may change later; the copy does not) */
    vocab_table *vt = copy == NULL ? NULL : PyMem_Calloc(1, sizeof(vocab_table));
    if (vt == NULL) {
        Py_XDECREF(copy);
        return copy == NULL ? NULL : PyErr_NoMemory();
    }
    int failed = vocab_table_make(copy, vt);
    Py_DECREF(copy);
    PyObject *capsule = failed ? NULL : PyCapsule_New(vt, "lintnews._native.vocabulary", vocabulary_capsule_free);
    if (capsule == NULL) {
        vocab_table_clear(vt);
        PyMem_Free(vt);
    }
    return capsule;
}

/* str.isspace() of a character: the ASCII table, then the only two white-space characters below
 * U+1680, the ten from U+1680 to U+3000 and none above (tests/test_native.py compares every code
 * point), without CPython's database (a function call a character for the text of most scripts,
 * and for the curly quotes and dashes of any). */
static inline int is_space_fast(Py_UCS4 ch)
{
    if (ch < 128)
        return Py_UNICODE_ISSPACE(ch);
    if (ch < 0x1680)
        return ch == 0x85 || ch == 0xA0;
    if (ch >= 0x2000 && ch <= 0x200A)
        return 1;
    return ch == 0x1680 || ch == 0x2028 || ch == 0x2029 || ch == 0x202F || ch == 0x205F || ch == 0x3000;
}

/* The table of vocab, a vocabulary() capsule or a dict (made into *made, which the caller
 * frees, as a capsule's table is not), or NULL with an error set: what count_words and
 * normalized_counts (fname: the one to name) read their stop words from. */
static const vocab_table *vocab_of(PyObject *vocab, vocab_table *made, const char *fname)
{
    if (PyCapsule_CheckExact(vocab))
        return PyCapsule_GetPointer(vocab, "lintnews._native.vocabulary");
    if (!PyDict_Check(vocab)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a dict or a vocabulary() table", fname);
        return NULL;
    }
    return vocab_table_make(vocab, made) < 0 ? NULL : made;
}

static PyObject *native_count_words(PyObject *self, PyObject *args)
{
    PyObject *text, *vocab;
    if (!PyArg_ParseTuple(args, "UO", &text, &vocab))
        return NULL;
    if (PyUnicode_READY(text) < 0)
        return NULL;
    vocab_table made = {NULL, NULL, 0, 0, 0};
    const vocab_table *vt = vocab_of(vocab, &made, "count_words");
    if (vt == NULL)
        return NULL;
    const vocab_slot *table = vt->table;
    const Py_ssize_t mask = vt->mask, size = vt->size, longest = vt->longest;
    PyObject *out = NULL;
    Py_ssize_t *counts = PyMem_Calloc((size_t)(size > 0 ? size : 1), sizeof(Py_ssize_t));
    if (counts == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, words = 0, numbers = 0;
    /* One pass over each word: its end, whether it is all digits and its hash (chars_hash) at
     * once, with the text's own character width (the loop compiled once per width); the hash
     * only over the first longest + 1 characters (a longer word is no word of the vocabulary). */
#define COUNT_WORDS(T)                                                                             \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        while (i < n) {                                                                            \
            Py_UCS4 ch = src[i];                                                                   \
            if (is_space_fast(ch)) {                                                               \
                i++;                                                                               \
                continue;                                                                          \
            }                                                                                      \
            Py_ssize_t start = i, hashed = i + longest + 1;                                        \
            int digits = 1;                                                                        \
            uint64_t h = 1469598103934665603ull;                                                   \
            for (; i < n; i++) {                                                                   \
                ch = src[i];                                                                       \
                if (is_space_fast(ch))                                                             \
                    break;                                                                         \
                if (!is_digit(ch))                                                                 \
                    digits = 0;                                                                    \
                if (i < hashed)                                                                    \
                    h = (h ^ ch) * 1099511628211ull;                                               \
            }                                                                                      \
            words++;                                                                               \
            numbers += digits;                                                                     \
            if (i - start > longest)                                                               \
                continue;                                                                          \
            for (Py_ssize_t j = (Py_ssize_t)(h & (uint64_t)mask); table[j].key != NULL; j = (j + 1) & mask) { \
                if (table[j].hash == h && same_chars(table[j].key, kind, data, start, i)) {        \
                    counts[table[j].index]++;                                                      \
                    break;                                                                         \
                }                                                                                  \
            }                                                                                      \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        COUNT_WORDS(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        COUNT_WORDS(Py_UCS2)
    else
        COUNT_WORDS(Py_UCS4)
#undef COUNT_WORDS
    PyObject *list = ssize_list(counts, size);
    if (list == NULL)
        goto done;
    out = Py_BuildValue("(Nnn)", list, words, numbers);
done:
    PyMem_Free(counts);
    vocab_table_clear(&made);
    return out;
}

PyDoc_STRVAR(collapse_lines_doc,
             "collapse_lines(lines, strip) -> list[str]\n\n"
             "[' '.join(line.split()).strip(strip) for line in lines].");

/* s33-lang: words of characters -------------------------------------------------------------
 * Text of one or two bytes a character read eight or four characters at a time in a 64-bit
 * word (loaded with memcpy: any alignment), where a word of ASCII characters needs nothing
 * more than a test (most characters of most lines). */

/* A 64-bit word of characters of width T: how many, its bits that are never set in ASCII
 * characters, its lanes' bit 7, and each lane holding the ASCII character c. */
#define SWAR_LANES(T) ((Py_ssize_t)(8 / sizeof(T)))
#define SWAR_HIGH(T) (sizeof(T) == 1 ? 0x8080808080808080ull : 0xFF80FF80FF80FF80ull)
#define SWAR_BIT7(T) (sizeof(T) == 1 ? 0x8080808080808080ull : 0x0080008000800080ull)
#define SWAR_EACH(T, c) ((sizeof(T) == 1 ? 0x0101010101010101ull : 0x0001000100010001ull) * (uint64_t)(c))
/* Whether a lane of w (all ASCII) is below c (c <= 128): the subtraction sets bit 7 of such a
 * lane, and a lane at or above c only when a lane below it borrowed (so the answer for the
 * word is exact), and ~w has bit 7 of every ASCII lane. */
#define SWAR_HAS_LESS(T, w, c) (((w) - SWAR_EACH(T, c)) & ~(w) & SWAR_BIT7(T))
/* Whether a lane of w (all ASCII) is the ASCII character c. */
#define SWAR_HAS(T, w, c) SWAR_HAS_LESS(T, (w) ^ SWAR_EACH(T, c), 1)
/* FOLD_ASCII of each lane of w (all ASCII): bit 7 of lane + 0x3F is set when the lane is 'A' or
 * more, of lane + 0x25 when it is past 'Z' (no lane carries into the next: 0x7F + 0x3F < 0x100);
 * an upper-case letter gets 0x20 added (bit 7 shifted down to bit 5). */
#define SWAR_FOLD(T, w) ((w) | ((((w) + SWAR_EACH(T, 0x3F)) & ~((w) + SWAR_EACH(T, 0x25)) & SWAR_BIT7(T)) >> 2))

/* The characters a line is stripped of (str.strip's argument): a table of the ASCII ones, and
 * the string itself for the others (rare at the ends of lines), where a loop over the whole
 * string for every end of every line cost a fifth of line_keys. */
typedef struct {
    uint8_t ascii[128];
    int kind;
    const void *data;
    Py_ssize_t n;
} strip_set;

static void strip_set_make(strip_set *set, PyObject *strip)
{
    memset(set->ascii, 0, sizeof set->ascii);
    set->kind = PyUnicode_KIND(strip);
    set->data = PyUnicode_DATA(strip);
    set->n = PyUnicode_GET_LENGTH(strip);
    for (Py_ssize_t j = 0; j < set->n; j++) {
        Py_UCS4 ch = PyUnicode_READ(set->kind, set->data, j);
        if (ch < 128)
            set->ascii[ch] = 1;
    }
}

static inline int strip_has(const strip_set *set, Py_UCS4 ch)
{
    if (ch < 128)
        return set->ascii[ch];
    for (Py_ssize_t j = 0; j < set->n; j++)
        if (PyUnicode_READ(set->kind, set->data, j) == ch)
            return 1;
    return 0;
}

/* The ASCII characters that collapse_span copies as they are and that tell it nothing: neither
 * white space (str.isspace) nor a Markdown emphasis mark. Made with the module. */
static uint8_t plain_ascii[128];

static void make_plain_ascii(void)
{
    for (Py_UCS4 ch = 0; ch < 128; ch++)
        plain_ascii[ch] = !Py_UNICODE_ISSPACE(ch) && ch != '*' && ch != '_';
}

/* end s33-lang words of characters ----------------------------------------------------------- */

/* s44-kernel: characters line_keys replaces as it reads them (the quotes it straightens: a pass
 * and a copy of the text for each quote mark in Python cost a sixth of the view). narrow[ch] and
 * the wide characters give the index + 1 of ch in froms (the last one: str.maketrans's), to[]
 * what it becomes; lo..hi holds the wide ones, nlo..nhi the narrow ones from 128 (the vector
 * paths stop at any character of those ranges). The empty map (active 0) replaces nothing and
 * its ranges hold only NUL, where the vector paths stop anyway. */
typedef struct {
    int active;
    uint8_t narrow[256];
    Py_UCS4 to[64], wide[32], lo, hi, nlo, nhi;
    int wide_at[32], wides;
} char_map;

static const char_map no_char_map = {0};

/* ch (128 or more) as the map replaces it. */
static inline Py_UCS4 char_map_wide(const char_map *map, Py_UCS4 ch)
{
    if (ch < 256)
        return map->narrow[ch] ? map->to[map->narrow[ch] - 1] : ch;
    if (ch < map->lo || ch > map->hi)
        return ch;
    for (int k = map->wides - 1; k >= 0; k--)
        if (map->wide[k] == ch)
            return map->to[map->wide_at[k]];
    return ch;
}
#define MAP_WIDE(map, ch) ((map)->active ? char_map_wide((map), (ch)) : (ch))

#if defined(__SSE2__)
/* s41-cost: collapse_span's words in vectors. After a run of plain characters (the last one
 * written, no gap pending), the characters from src[i] are copied as they are, a vector at a
 * time, up to the first that collapse_span would not write as it is: any white space but the
 * space, "*", "_", a line break or a control character, and a space that another space, one of
 * those or the vector's end follows. A space between two plain characters is written as it is,
 * so the vector's characters before that one are the loop's output; collapse_span then reads
 * on a character at a time from there. (Runs of plain characters alone, a word long, are
 * shorter than a vector; a paragraph's words and single spaces are most of it.) The characters
 * copied, and no others, are or'ed into *most, as the loop does. */
static const int16_t collapse_lane_index[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

static inline Py_ssize_t collapse_verbatim_2(const Py_UCS2 *src, Py_ssize_t i, Py_ssize_t end, Py_UCS2 *dst,
                                             Py_ssize_t *len, Py_UCS4 *most, const char_map *map)
{
    if (i + 8 > end)
        return i;
    const __m128i zero = _mm_setzero_si128(), ones = _mm_cmpeq_epi16(zero, zero), space = _mm_set1_epi16(0x20),
                  c21 = _mm_set1_epi16(0x21), star = _mm_set1_epi16('*'), under = _mm_set1_epi16('_'),
                  nel = _mm_set1_epi16(0x85), nbsp = _mm_set1_epi16(0xA0), ogham = _mm_set1_epi16(0x1680),
                  ideo = _mm_set1_epi16(0x3000), ls = _mm_set1_epi16(0x2028), ps = _mm_set1_epi16(0x2029),
                  nnbsp = _mm_set1_epi16(0x202F), mmsp = _mm_set1_epi16(0x205F), en = _mm_set1_epi16(0x2000),
                  elevens = _mm_set1_epi16(0x0B), index = _mm_loadu_si128((const __m128i *)collapse_lane_index),
                  wlo = _mm_set1_epi16((short)map->lo), wspan = _mm_set1_epi16((short)(map->hi - map->lo)),
                  nlo = _mm_set1_epi16((short)map->nlo), nspan = _mm_set1_epi16((short)(map->nhi - map->nlo));
    __m128i acc = zero;
    Py_ssize_t n = *len, from = i;
    while (i + 8 <= end) {
        __m128i x = _mm_loadu_si128((const __m128i *)(src + i));
        __m128i spaces = _mm_cmpeq_epi16(x, space);
        /* below 0x21 (unsigned) and no space, the white space above ASCII (is_space_fast;
         * 0x2000-0x200A: x - 0x2000 below 11, unsigned), "*" and "_" */
        __m128i bad = _mm_andnot_si128(spaces, _mm_xor_si128(_mm_cmpeq_epi16(_mm_subs_epu16(c21, x), zero), ones));
        bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi16(x, star), _mm_cmpeq_epi16(x, under)));
        bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi16(x, nel), _mm_cmpeq_epi16(x, nbsp)));
        bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi16(x, ogham), _mm_cmpeq_epi16(x, ideo)));
        bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi16(x, ls), _mm_cmpeq_epi16(x, ps)));
        bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi16(x, nnbsp), _mm_cmpeq_epi16(x, mmsp)));
        bad = _mm_or_si128(
            bad, _mm_xor_si128(_mm_cmpeq_epi16(_mm_subs_epu16(elevens, _mm_sub_epi16(x, en)), zero), ones));
        if (map->active) { /* (s44-kernel: the characters the map replaces, x - lo at most hi - lo, unsigned) */
            bad = _mm_or_si128(bad, _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16(x, wlo), wspan), zero));
            bad = _mm_or_si128(bad, _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16(x, nlo), nspan), zero));
        }
        unsigned no = (unsigned)_mm_movemask_epi8(bad), sp = (unsigned)_mm_movemask_epi8(spaces);
        /* (two mask bits a lane; a space before a space, a bad lane or the end) */
        unsigned stop = no | (sp & (((sp | no) >> 2) | 0xC000u));
        if (stop == 0) {
            _mm_storeu_si128((__m128i *)(dst + n), x);
            acc = _mm_or_si128(acc, x);
            i += 8;
            n += 8;
            continue;
        }
        int k = __builtin_ctz(stop) / 2; /* the lanes before it are copied */
        if (k > 0) {
            _mm_storeu_si128((__m128i *)(dst + n), x);
            acc = _mm_or_si128(acc, _mm_and_si128(x, _mm_cmplt_epi16(index, _mm_set1_epi16((short)k))));
            i += k;
            n += k;
        }
        break;
    }
    if (i > from) {
        uint16_t lanes[8];
        _mm_storeu_si128((__m128i *)lanes, acc);
        for (int k = 0; k < 8; k++)
            *most |= lanes[k];
        *len = n;
    }
    return i;
}

/* collapse_verbatim_2 for one byte a character: the white space above ASCII is 0x85 and 0xA0. */
static inline Py_ssize_t collapse_verbatim_1(const Py_UCS1 *src, Py_ssize_t i, Py_ssize_t end, Py_UCS1 *dst,
                                             Py_ssize_t *len, Py_UCS4 *most, const char_map *map)
{
    if (i + 16 > end)
        return i;
    const __m128i zero = _mm_setzero_si128(), ones = _mm_cmpeq_epi8(zero, zero), space = _mm_set1_epi8(0x20),
                  c21 = _mm_set1_epi8(0x21), star = _mm_set1_epi8('*'), under = _mm_set1_epi8('_'),
                  nel = _mm_set1_epi8((char)0x85), nbsp = _mm_set1_epi8((char)0xA0),
                  nlo = _mm_set1_epi8((char)map->nlo), nspan = _mm_set1_epi8((char)(map->nhi - map->nlo));
    __m128i acc = zero;
    Py_ssize_t n = *len, from = i;
    while (i + 16 <= end) {
        __m128i x = _mm_loadu_si128((const __m128i *)(src + i));
        __m128i spaces = _mm_cmpeq_epi8(x, space);
        __m128i bad = _mm_andnot_si128(spaces, _mm_xor_si128(_mm_cmpeq_epi8(_mm_subs_epu8(c21, x), zero), ones));
        bad = _mm_or_si128(bad, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, star), _mm_cmpeq_epi8(x, under)),
                                             _mm_or_si128(_mm_cmpeq_epi8(x, nel), _mm_cmpeq_epi8(x, nbsp))));
        if (map->active)
            bad = _mm_or_si128(bad, _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(x, nlo), nspan), zero));
        unsigned no = (unsigned)_mm_movemask_epi8(bad), sp = (unsigned)_mm_movemask_epi8(spaces);
        unsigned stop = no | (sp & (((sp | no) >> 1) | 0x8000u));
        if (stop == 0) {
            _mm_storeu_si128((__m128i *)(dst + n), x);
            acc = _mm_or_si128(acc, x);
            i += 16;
            n += 16;
            continue;
        }
        int k = __builtin_ctz(stop);
        if (k > 0) {
            uint8_t lanes[16];
            _mm_storeu_si128((__m128i *)(dst + n), x);
            _mm_storeu_si128((__m128i *)lanes, x);
            for (int j = 0; j < k; j++)
                *most |= lanes[j];
            i += k;
            n += k;
            *len = n;
        }
        break;
    }
    if (i > from) {
        uint8_t lanes[16];
        _mm_storeu_si128((__m128i *)lanes, acc);
        for (int k = 0; k < 16; k++)
            *most |= lanes[k];
        *len = n;
    }
    return i;
}
#define COLLAPSE_VERBATIM(T)                                                                       \
    if (sizeof(T) == 2)                                                                            \
        i = collapse_verbatim_2((const Py_UCS2 *)src, i, end, (Py_UCS2 *)dst, &len, &most, map);   \
    else if (sizeof(T) == 1)                                                                       \
        i = collapse_verbatim_1((const Py_UCS1 *)src, i, end, (Py_UCS1 *)dst, &len, &most, map);
#else
#define COLLAPSE_VERBATIM(T)
#endif

/* One line's characters data[start:end] (of width kind) with every whitespace run made one space
 * and the characters of strip taken off both ends: a new str, or line itself (a new reference)
 * when line is not NULL and nothing changed. buf holds (end - start) * kind bytes at least. When
 * marked is not NULL, *marked says whether the line holds a "*" or a "_". When stop is not NULL,
 * the line ends at the first line break at or after start, if one comes before end, and *stop is
 * where it ends (s34-views: line_keys finds its lines' ends so, in the pass that collapses them,
 * where a PyUnicode_FindChar a line read each line twice). */
static PyObject *collapse_span(PyObject *line, int kind, const void *data, Py_ssize_t start, Py_ssize_t end, char *buf,
                               const strip_set *strip, int *marked, Py_ssize_t *stop, const char_map *map)
{
    Py_ssize_t len = 0, i;
    int marks = 0;
    Py_UCS4 most = 0; /* (the characters written or'ed: str_of) */
    /* (compiled once per character width, as in normalized_counts; a run of plain characters,
     * neither white space nor marks, copied by a loop that tests nothing else) */
#define COLLAPSE_LINE(T)                                                                           \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        T *dst = (T *)buf;                                                                         \
        int gap = 0;                                                                               \
        for (i = start; i < end;) {                                                                \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch >= 128)                                                                         \
                ch = MAP_WIDE(map, ch);                                                            \
            if (ch < 128 ? plain_ascii[ch] : !is_space_fast(ch)) {                                 \
                if (gap && len)                                                                    \
                    dst[len++] = ' ';                                                              \
                gap = 0;                                                                           \
                do {                                                                               \
                    dst[len++] = (T)ch;                                                            \
                    most |= ch;                                                                    \
                } while (++i < end && ((ch = src[i]) < 128 ? plain_ascii[ch]                       \
                                                           : (ch = MAP_WIDE(map, ch)) < 128 ? plain_ascii[ch] \
                                                                                            : !is_space_fast(ch))); \
                COLLAPSE_VERBATIM(T)                                                               \
                continue;                                                                          \
            }                                                                                      \
            if (ch == '\n' && stop != NULL)                                                        \
                break;                                                                             \
            i++;                                                                                   \
            if (is_space_fast(ch)) {                                                               \
                gap = 1;                                                                           \
                continue;                                                                          \
            }                                                                                      \
            marks |= ch == '*' || ch == '_';                                                       \
            if (gap && len)                                                                        \
                dst[len++] = ' ';                                                                  \
            gap = 0;                                                                               \
            dst[len++] = (T)ch;                                                                    \
            most |= ch;                                                                            \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        COLLAPSE_LINE(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        COLLAPSE_LINE(Py_UCS2)
    else
        COLLAPSE_LINE(Py_UCS4)
#undef COLLAPSE_LINE
    if (stop != NULL)
        *stop = end = i;
    if (marked != NULL)
        *marked = marks;
    Py_ssize_t lo = 0, hi = len;
    while (lo < hi && strip_has(strip, PyUnicode_READ(kind, buf, lo)))
        lo++;
    while (hi > lo && strip_has(strip, PyUnicode_READ(kind, buf, hi - 1)))
        hi--;
    if (line != NULL && !map->active && lo == 0 && hi == end - start &&
        memcmp(buf, (const char *)data + start * kind, (size_t)(end - start) * (size_t)kind) == 0) {
        Py_INCREF(line); /* nothing to collapse or strip (most lines): the line itself */
        return line;
    }
    if (most >= 0x80 && (lo > 0 || hi < len)) /* (most may hold a character stripped off) */
        return PyUnicode_FromKindAndData(kind, buf + lo * kind, hi - lo);
    return str_of(kind, buf + lo * kind, hi - lo, most);
}

static PyObject *native_collapse_lines(PyObject *self, PyObject *args)
{
    PyObject *lines, *strip;
    if (!PyArg_ParseTuple(args, "O!U", &PyList_Type, &lines, &strip))
        return NULL;
    if (PyUnicode_READY(strip) < 0)
        return NULL;
    strip_set set;
    strip_set_make(&set, strip);
    Py_ssize_t count = PyList_GET_SIZE(lines);
    PyObject *out = PyList_New(count);
    if (out == NULL)
        return NULL;
    char *buf = NULL;
    Py_ssize_t cap = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *line = PyList_GET_ITEM(lines, k);
        if (!PyUnicode_Check(line) || PyUnicode_READY(line) < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "collapse_lines() needs a list of str");
            goto fail;
        }
        int kind = PyUnicode_KIND(line);
        Py_ssize_t n = PyUnicode_GET_LENGTH(line);
        if (n * kind > cap) {
            PyMem_Free(buf);
            cap = n * kind;
            buf = PyMem_Malloc((size_t)cap);
            if (buf == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
        }
        PyObject *item = collapse_span(line, kind, PyUnicode_DATA(line), 0, n, buf, &set, NULL, NULL, &no_char_map);
        if (item == NULL)
            goto fail;
        PyList_SET_ITEM(out, k, item);
    }
    PyMem_Free(buf);
    return out;
fail:
    PyMem_Free(buf);
    Py_DECREF(out);
    return NULL;
}

static inline int is_word(Py_UCS4 ch)
{
    return is_word_char(ch);
}

static inline int is_mark(Py_UCS4 ch)
{
    return ch == '*' || ch == '_';
}

/* EMPHASIS.sub("", line) (lintnews.native.EMPHASIS) for the line data[start:end], written to out
 * (of width kind; returns its length). The pattern's two branches tried at each "*" or "_" as
 * `re` tries them: 3, 2, then 1 marks (as many as there are), the first branch before the
 * second, the look-behinds reading the line as it was (nothing before its start). */
static Py_ssize_t strip_emphasis(int kind, const void *data, Py_ssize_t start, Py_ssize_t end, char *out)
{
    Py_ssize_t len = 0, p = start;
    while (p < end) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, p);
        Py_ssize_t taken = 0;
        if (is_mark(ch)) {
            Py_ssize_t run = 1;
            while (run < 3 && p + run < end && is_mark(PyUnicode_READ(kind, data, p + run)))
                run++;
            Py_UCS4 prev = p > start ? PyUnicode_READ(kind, data, p - 1) : 0;
            if (p == start || !is_word(prev)) { /* (?<!\w)[*_]{1,3}(?=[\w¿¡]) */
                for (Py_ssize_t k = run; k >= 1 && !taken; k--) {
                    if (p + k < end) {
                        Py_UCS4 next = PyUnicode_READ(kind, data, p + k);
                        if (is_word(next) || next == 0xBF || next == 0xA1)
                            taken = k;
                    }
                }
            }
            if (!taken && p > start &&
                (is_word(prev) || prev == '.' || prev == '!' || prev == '?' || prev == ':' || prev == 0x2026 ||
                 prev == ')' || prev == '"' || prev == '\'')) { /* (?<=[\w.!?:…)"'])[*_]{1,3}(?!\w) */
                for (Py_ssize_t k = run; k >= 1 && !taken; k--)
                    if (p + k >= end || !is_word(PyUnicode_READ(kind, data, p + k)))
                        taken = k;
            }
        }
        if (taken) {
            p += taken;
        } else {
            PyUnicode_WRITE(kind, out, len, ch);
            len++;
            p++;
        }
    }
    return len;
}

PyDoc_STRVAR(line_keys_doc,
             "line_keys(text, strip, froms='', tos='') -> list[str]\n\n"
             "collapse_lines([EMPHASIS.sub('', line) for line in text.split('\\n')], strip): one pass\n"
             "over the text, no list of its lines (see lintnews.native.py_line_keys); with froms and\n"
             "tos, of text.translate(str.maketrans(froms, tos)), each character replaced as it is read.");

/* s44-kernel: the map of froms to tos (str of the same length, tos no wider than a text of
 * kind); 0, or -1 with ValueError set. */
static int char_map_make(char_map *map, PyObject *froms, PyObject *tos, int kind, const char *fname)
{
    memset(map, 0, sizeof *map);
    const Py_ssize_t count = PyUnicode_GET_LENGTH(froms);
    const Py_UCS4 fits = kind == PyUnicode_1BYTE_KIND ? 0xFF : kind == PyUnicode_2BYTE_KIND ? 0xFFFF : 0x10FFFF;
    if (count != PyUnicode_GET_LENGTH(tos) || count > 64) {
        PyErr_Format(PyExc_ValueError, "%s() takes froms and tos of the same length (64 at most)", fname);
        return -1;
    }
    if (count && PyUnicode_MAX_CHAR_VALUE(tos) > fits) {
        PyErr_Format(PyExc_ValueError, "%s() takes tos no wider than the text", fname);
        return -1;
    }
    map->lo = map->nlo = 0x10FFFF;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(froms, k);
        map->to[k] = PyUnicode_READ_CHAR(tos, k);
        if (ch < 128 || ch > 0xFFFF || (ch >= 256 && map->wides == 32)) {
            PyErr_Format(PyExc_ValueError, "%s() takes froms of U+0080 to U+FFFF (32 from U+0100 at most)", fname);
            return -1;
        }
        if (ch < 256) {
            map->narrow[ch] = (uint8_t)(k + 1);
            map->nlo = ch < map->nlo ? ch : map->nlo;
            map->nhi = ch > map->nhi ? ch : map->nhi;
        } else {
            map->wide[map->wides] = ch;
            map->wide_at[map->wides++] = (int)k;
            map->lo = ch < map->lo ? ch : map->lo;
            map->hi = ch > map->hi ? ch : map->hi;
        }
    }
    if (map->nlo > map->nhi) /* (no narrow one: the range of NUL) */
        map->nlo = map->nhi = 0;
    if (map->lo > map->hi)
        map->lo = map->hi = 0;
    map->active = count > 0;
    return 0;
}

static PyObject *native_line_keys(PyObject *self, PyObject *args)
{
    PyObject *text, *strip, *froms = NULL, *tos = NULL;
    if (!PyArg_ParseTuple(args, "UU|UU", &text, &strip, &froms, &tos))
        return NULL;
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(strip) < 0)
        return NULL;
    strip_set set;
    strip_set_make(&set, strip);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    char_map map;
    if (froms == NULL || tos == NULL)
        map = no_char_map;
    else if (char_map_make(&map, froms, tos, kind, "line_keys") < 0)
        return NULL;
    PyObject *keys = PyList_New(0);
    /* A line's characters are the text's: buffers of the text's size hold any line. */
    char *buf = PyMem_Malloc((size_t)(n > 0 ? n : 1) * (size_t)kind);
    char *plain = PyMem_Malloc((size_t)(n > 0 ? n : 1) * (size_t)kind);
    char *mapped = map.active ? PyMem_Malloc((size_t)(n > 0 ? n : 1) * (size_t)kind) : NULL;
    if (keys == NULL || buf == NULL || plain == NULL || (map.active && mapped == NULL)) {
        if (keys != NULL)
            PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t start = 0;;) {
        Py_ssize_t end = n; /* (where the line ends: collapse_span finds it) */
        int marked = 0;
        PyObject *key = collapse_span(NULL, kind, data, start, n, buf, &set, &marked, &end, &map);
        if (key != NULL && marked) { /* (one line in four of whole-page text: the bullets) */
            const void *from = data;
            Py_ssize_t at = start;
            if (map.active) { /* (the emphasis of the line as the map makes it) */
#define MAP_LINE(T)                                                                                \
    for (Py_ssize_t k = start; k < end; k++) {                                                     \
        Py_UCS4 ch = ((const T *)data)[k];                                                         \
        ((T *)mapped)[k - start] = (T)(ch >= 128 ? char_map_wide(&map, ch) : ch);                  \
    }
                if (kind == PyUnicode_1BYTE_KIND)
                    MAP_LINE(Py_UCS1)
                else if (kind == PyUnicode_2BYTE_KIND)
                    MAP_LINE(Py_UCS2)
                else
                    MAP_LINE(Py_UCS4)
#undef MAP_LINE
                from = mapped;
                at = 0;
            }
            Py_ssize_t len = strip_emphasis(kind, from, at, at + end - start, plain);
            if (len < end - start) {
                Py_DECREF(key);
                key = collapse_span(NULL, kind, plain, 0, len, buf, &set, NULL, NULL, &no_char_map);
            }
        }
        if (key == NULL || PyList_Append(keys, key) < 0) {
            Py_XDECREF(key);
            goto fail;
        }
        Py_DECREF(key);
        if (end == n)
            break;
        start = end + 1;
    }
    PyMem_Free(buf);
    PyMem_Free(plain);
    PyMem_Free(mapped);
    return keys;
fail:
    PyMem_Free(buf);
    PyMem_Free(plain);
    PyMem_Free(mapped);
    Py_XDECREF(keys);
    return NULL;
}

PyDoc_STRVAR(casefold_doc,
             "casefold(text) -> str\n\n"
             "str.casefold(text): each character folded alone (_PyUnicode_ToFoldedFull, what\n"
             "str.casefold calls), ASCII ones inline. str.casefold of a text that is not all ASCII\n"
             "calls that function for every character through a buffer of four bytes a character,\n"
             "and most of a news text's characters are ASCII.");

/* s33-lang: casefold's fast paths -------------------------------------------------------------
 * Most characters of a news text are ASCII, and most of the others fold to themselves (accented
 * lower-case letters, Cyrillic, punctuation such as the curly quotes, CJK): ASCII read and folded
 * eight (one byte a character) or four (two bytes) at a time in a 64-bit word, the others looked
 * up in a bitmap of the Basic Multilingual Plane made once from _PyUnicode_ToFoldedFull itself
 * (65,536 calls, ~1 ms; from one str.casefold on Python 3.13 and later, below), where a call a
 * character cost more than the rest of the loop. */

/* Folded ASCII: what _PyUnicode_ToFoldedFull gives for a character below 128. */
#define FOLD_ASCII(ch) ((ch) >= 'A' && (ch) <= 'Z' ? (ch) + 32 : (ch))

static uint8_t bmp_folds_self_bits[0x10000 / 8];
static int bmp_folds_self_made;

#if PY_VERSION_HEX >= 0x030D0000
/* Python 3.13 stopped exporting _PyUnicode_ToFoldedFull. Its answers are what str.casefold gives
 * of a character alone (casefold folds each character alone with that function, whatever stands
 * beside it): the plane's are read from one casefold of all its characters, each followed by
 * U+0000 (which folds to itself and is in no other character's fold), and kept when a character
 * folds to one other character of the plane (the rest fold to themselves but the ~100 that fold
 * to two or three characters); any other character is asked of str.casefold alone. */
static uint16_t bmp_fold_one[0x10000]; /* (0: folds to itself, or to more than one character) */

static int fold_by_casefold(Py_UCS4 ch, Py_UCS4 *mapped)
{
    PyObject *one = PyUnicode_FromOrdinal((int)ch);
    if (one == NULL)
        return -1;
    PyObject *folded = PyObject_CallMethod(one, "casefold", NULL);
    Py_DECREF(one);
    if (folded == NULL)
        return -1;
    Py_ssize_t k = PyUnicode_GET_LENGTH(folded);
    if (k < 1 || k > 3) {
        Py_DECREF(folded);
        PyErr_SetString(PyExc_SystemError, "casefold() of one character is not 1-3 characters");
        return -1;
    }
    for (Py_ssize_t j = 0; j < k; j++)
        mapped[j] = PyUnicode_READ_CHAR(folded, j);
    Py_DECREF(folded);
    return (int)k;
}

/* _PyUnicode_ToFoldedFull: the number of characters ``ch`` folds to, written to ``mapped``; -1
 * with an exception set (make_bmp_folds_self first). */
static int fold_full(Py_UCS4 ch, Py_UCS4 *mapped)
{
    if (ch < 0x10000 && bmp_fold_one[ch]) {
        mapped[0] = bmp_fold_one[ch];
        return 1;
    }
    return fold_by_casefold(ch, mapped);
}

static int make_bmp_folds_self(void)
{
    if (bmp_folds_self_made)
        return 0;
    PyObject *all = PyUnicode_New(2 * 0xFFFF, 0xFFFF);
    if (all == NULL)
        return -1;
    Py_UCS2 *in = PyUnicode_2BYTE_DATA(all);
    for (Py_UCS4 ch = 1; ch < 0x10000; ch++) {
        in[2 * (ch - 1)] = (Py_UCS2)ch;
        in[2 * (ch - 1) + 1] = 0;
    }
    PyObject *folded = PyObject_CallMethod(all, "casefold", NULL);
    Py_DECREF(all);
    if (folded == NULL)
        return -1;
    int kind = PyUnicode_KIND(folded);
    const void *data = PyUnicode_DATA(folded);
    Py_ssize_t n = PyUnicode_GET_LENGTH(folded), o = 0;
    bmp_folds_self_bits[0] |= 1; /* (U+0000, the separator, folds to itself) */
    for (Py_UCS4 ch = 1; ch < 0x10000; ch++) {
        Py_UCS4 mapped[3];
        int k = 0;
        for (; o < n && PyUnicode_READ(kind, data, o) != 0; o++)
            if (k < 3)
                mapped[k++] = PyUnicode_READ(kind, data, o);
        o++; /* (the separator) */
        if (k == 1 && mapped[0] == ch)
            bmp_folds_self_bits[ch >> 3] |= (uint8_t)(1u << (ch & 7));
        else if (k == 1 && mapped[0] < 0x10000)
            bmp_fold_one[ch] = (uint16_t)mapped[0];
    }
    Py_DECREF(folded);
    bmp_folds_self_made = 1;
    return 0;
}
#else
static inline int fold_full(Py_UCS4 ch, Py_UCS4 *mapped) { return _PyUnicode_ToFoldedFull(ch, mapped); }

static int make_bmp_folds_self(void)
{
    if (bmp_folds_self_made)
        return 0;
    Py_UCS4 mapped[3];
    for (Py_UCS4 ch = 0; ch < 0x10000; ch++)
        if (_PyUnicode_ToFoldedFull(ch, mapped) == 1 && mapped[0] == ch)
            bmp_folds_self_bits[ch >> 3] |= (uint8_t)(1u << (ch & 7));
    bmp_folds_self_made = 1;
    return 0;
}
#endif

/* Whether a character below U+10000 folds to itself alone (make_bmp_folds_self first). */
static inline int folds_self(Py_UCS4 ch) { return ch < 0x10000 && (bmp_folds_self_bits[ch >> 3] >> (ch & 7)) & 1; }

/* end s33-lang casefold's fast paths --------------------------------------------------------- */

static PyObject *native_casefold(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "casefold() takes a str");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0)
        return NULL;
    if (make_bmp_folds_self() < 0)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), size = n;
    Py_UCS4 most = 0, mapped[3];
    /* First one pass into a buffer of the text's width, which holds the result when every
     * character folds to one character that fits it (most texts): then the buffer is copied
     * into a str of the width its widest character needs. Else the two passes below. */
    char *one = PyMem_Malloc((size_t)(n > 0 ? n : 1) * (size_t)kind);
    if (one == NULL)
        return PyErr_NoMemory();
    const Py_UCS4 fits = kind == PyUnicode_1BYTE_KIND ? 0xFF : kind == PyUnicode_2BYTE_KIND ? 0xFFFF : 0x10FFFF;
    Py_ssize_t folded = 0;
#define FOLD_ONE(T)                                                                                \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        T *dst = (T *)one;                                                                         \
        for (; folded < n; folded++) {                                                             \
            if (sizeof(T) < 4) {                                                                   \
                for (uint64_t w; folded + SWAR_LANES(T) <= n; folded += SWAR_LANES(T)) {           \
                    memcpy(&w, src + folded, 8);                                                   \
                    if (w & SWAR_HIGH(T))                                                          \
                        break;                                                                     \
                    w = SWAR_FOLD(T, w);                                                           \
                    memcpy(dst + folded, &w, 8);                                                   \
                }                                                                                  \
                if (folded >= n)                                                                   \
                    break;                                                                         \
            }                                                                                      \
            Py_UCS4 ch = src[folded];                                                              \
            if (ch < 128) {                                                                        \
                dst[folded] = (T)FOLD_ASCII(ch);                                                   \
                continue;                                                                          \
            }                                                                                      \
            if (!folds_self(ch)) {                                                                 \
                int k = fold_full(ch, mapped);                                                     \
                if (k < 0) {                                                                       \
                    PyMem_Free(one);                                                               \
                    return NULL;                                                                   \
                }                                                                                  \
                if (k != 1 || mapped[0] > fits)                                                    \
                    break;                                                                         \
                ch = mapped[0];                                                                    \
            }                                                                                      \
            most = ch > most ? ch : most;                                                          \
            dst[folded] = (T)ch;                                                                   \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        FOLD_ONE(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        FOLD_ONE(Py_UCS2)
    else
        FOLD_ONE(Py_UCS4)
#undef FOLD_ONE
    if (folded >= n) {
        PyObject *out = PyUnicode_New(n, most);
        if (out != NULL && PyUnicode_KIND(out) == kind) {
            memcpy(PyUnicode_DATA(out), one, (size_t)n * (size_t)kind);
        } else if (out != NULL) { /* (a narrower str: PyUnicode_FromKindAndData converts) */
            Py_DECREF(out);
            out = PyUnicode_FromKindAndData(kind, one, n);
        }
        PyMem_Free(one);
        return out;
    }
    PyMem_Free(one);
    most = 0;
    /* First the folded length and widest character, then the folded characters written. An
     * ASCII character folds to one ASCII character, which leaves both as they are (PyUnicode_New
     * reads the widest character only for the width it needs: below 128 is ASCII). Words of
     * ASCII characters are skipped (one and two bytes a character). */
#define FOLD_SIZE(T)                                                                               \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            if (sizeof(T) < 4) {                                                                   \
                for (uint64_t w; i + SWAR_LANES(T) <= n; i += SWAR_LANES(T)) {                     \
                    memcpy(&w, src + i, 8);                                                        \
                    if (w & SWAR_HIGH(T))                                                          \
                        break;                                                                     \
                }                                                                                  \
                if (i >= n)                                                                        \
                    break;                                                                         \
            }                                                                                      \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch < 128)                                                                          \
                continue;                                                                          \
            if (folds_self(ch)) {                                                                  \
                most = ch > most ? ch : most;                                                      \
                continue;                                                                          \
            }                                                                                      \
            int k = fold_full(ch, mapped);                                                         \
            if (k < 0)                                                                             \
                return NULL;                                                                       \
            for (int j = 0; j < k; j++)                                                            \
                most = mapped[j] > most ? mapped[j] : most;                                        \
            size += k - 1;                                                                         \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        FOLD_SIZE(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        FOLD_SIZE(Py_UCS2)
    else
        FOLD_SIZE(Py_UCS4)
#undef FOLD_SIZE
    PyObject *out = PyUnicode_New(size, most);
    if (out == NULL)
        return NULL;
    int okind = PyUnicode_KIND(out);
    void *odata = PyUnicode_DATA(out);
    Py_ssize_t o = 0;
    /* (compiled once per input and output width: no switch on the output's width per character;
     * words of ASCII characters folded whole when both widths are the same) */
#define FOLD_WRITE(T, U)                                                                           \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        U *dst = (U *)odata;                                                                       \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            if (sizeof(T) == sizeof(U) && sizeof(T) < 4) {                                         \
                for (uint64_t w; i + SWAR_LANES(T) <= n; i += SWAR_LANES(T), o += SWAR_LANES(T)) { \
                    memcpy(&w, src + i, 8);                                                        \
                    if (w & SWAR_HIGH(T))                                                          \
                        break;                                                                     \
                    w = SWAR_FOLD(T, w);                                                           \
                    memcpy(dst + o, &w, 8);                                                        \
                }                                                                                  \
                if (i >= n)                                                                        \
                    break;                                                                         \
            }                                                                                      \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch < 128) {                                                                        \
                dst[o++] = (U)FOLD_ASCII(ch);                                                      \
                continue;                                                                          \
            }                                                                                      \
            if (folds_self(ch)) {                                                                  \
                dst[o++] = (U)ch;                                                                  \
                continue;                                                                          \
            }                                                                                      \
            int k = fold_full(ch, mapped);                                                         \
            if (k < 0) {                                                                           \
                Py_DECREF(out);                                                                    \
                return NULL;                                                                       \
            }                                                                                      \
            for (int j = 0; j < k; j++)                                                            \
                dst[o++] = (U)mapped[j];                                                           \
        }                                                                                          \
    }
#define FOLD_INTO(T)                                                                               \
    if (okind == PyUnicode_1BYTE_KIND)                                                             \
        FOLD_WRITE(T, Py_UCS1)                                                                     \
    else if (okind == PyUnicode_2BYTE_KIND)                                                        \
        FOLD_WRITE(T, Py_UCS2)                                                                     \
    else                                                                                           \
        FOLD_WRITE(T, Py_UCS4)
    if (kind == PyUnicode_1BYTE_KIND)
        FOLD_INTO(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        FOLD_INTO(Py_UCS2)
    else
        FOLD_INTO(Py_UCS4)
#undef FOLD_INTO
#undef FOLD_WRITE
#undef FOLD_ASCII
    return out;
}

PyDoc_STRVAR(chars_in_doc,
             "chars_in(text, chars) -> set[str]\n\n"
             "set(chars) & set(text) for characters chars of the Basic Multilingual Plane: one pass\n"
             "over text testing a bit per character, where a regex character class costs several\n"
             "times more.");

static PyObject *native_chars_in(PyObject *self, PyObject *args)
{
    PyObject *text, *chars;
    if (!PyArg_ParseTuple(args, "UU", &text, &chars))
        return NULL;
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(chars) < 0)
        return NULL;
    Py_ssize_t nc = PyUnicode_GET_LENGTH(chars), n = PyUnicode_GET_LENGTH(text);
    Py_UCS4 least = 0xFFFF, most = 0;
    for (Py_ssize_t j = 0; j < nc; j++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(chars, j);
        if (ch > 0xFFFF) {
            PyErr_SetString(PyExc_ValueError, "chars_in() takes characters of the Basic Multilingual Plane");
            return NULL;
        }
        least = ch < least ? ch : least;
        most = ch > most ? ch : most;
    }
    PyObject *found = PySet_New(NULL);
    uint8_t *bits = PyMem_Calloc(0x10000 / 8, 1);
    if (found == NULL || bits == NULL) {
        if (bits == NULL)
            PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t j = 0; j < nc; j++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(chars, j);
        bits[ch >> 3] |= (uint8_t)(1u << (ch & 7));
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* (a character found has its bit cleared: it is added once) */
#define CHARS_IN(T)                                                                                \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch < least || ch > most || !(bits[ch >> 3] & (1u << (ch & 7))))                    \
                continue;                                                                          \
            bits[ch >> 3] &= (uint8_t) ~(1u << (ch & 7));                                          \
            PyObject *one = PyUnicode_FromOrdinal((int)ch);                                        \
            int failed = one == NULL || PySet_Add(found, one) < 0;                                 \
            Py_XDECREF(one);                                                                       \
            if (failed)                                                                            \
                goto fail;                                                                         \
        }                                                                                          \
    }
    if (nc > 0) {
        if (kind == PyUnicode_1BYTE_KIND)
            CHARS_IN(Py_UCS1)
        else if (kind == PyUnicode_2BYTE_KIND)
            CHARS_IN(Py_UCS2)
        else
            CHARS_IN(Py_UCS4)
    }
#undef CHARS_IN
    PyMem_Free(bits);
    return found;
fail:
    PyMem_Free(bits);
    Py_XDECREF(found);
    return NULL;
}

/* --- MinHash ---------------------------------------------------------------------------- */

PyDoc_STRVAR(minhash_affine32_doc,
             "minhash_affine32(hashes, counts, a, b) -> bytes\n\n"
             "datasketch's affine32 MinHash values of documents whose shingle hashes are hashes\n"
             "(uint32, document after document; counts[i] (int64) of them belong to document i)\n"
             "for permutations a, b (uint32): for each document and permutation p, the minimum of\n"
             "a[p] * fmix32(h) + b[p] mod 2**32 over its hashes h, starting from 2**32 - 1.\n"
             "Returns len(counts) * len(a) native-endian uint32 values, document after document.");

static inline uint32_t fmix32(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h;
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__)
__attribute__((target_clones("avx2", "default")))
#endif
static void minhash_doc(const uint32_t *hashes, Py_ssize_t n, const uint32_t *a, const uint32_t *b, Py_ssize_t perms,
                        uint32_t *out)
{
    for (Py_ssize_t p = 0; p < perms; p++)
        out[p] = 0xFFFFFFFFu;
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t h = fmix32(hashes[i]);
        for (Py_ssize_t p = 0; p < perms; p++) {
            uint32_t v = a[p] * h + b[p];
            out[p] = v < out[p] ? v : out[p];
        }
    }
}

/* s43-serial: defined at the end of this file */
static int minhash_docs(const uint32_t *hashes, Py_ssize_t n, const int64_t *counts, Py_ssize_t docs,
                        const uint32_t *a, const uint32_t *b, Py_ssize_t perms, uint32_t *values);
static int s43_serial_add(PyObject *module);
static int s44_kernel_add(PyObject *module); /* (at the end of this file) */

static PyObject *native_minhash_affine32(PyObject *self, PyObject *args)
{
    Py_buffer hashes, counts, a, b;
    if (!PyArg_ParseTuple(args, "y*y*y*y*", &hashes, &counts, &a, &b))
        return NULL;
    PyObject *out = NULL;
    Py_ssize_t n = hashes.len / 4, docs = counts.len / 8, perms = a.len / 4;
    if (hashes.len % 4 || counts.len % 8 || a.len % 4 || a.len != b.len) {
        PyErr_SetString(PyExc_ValueError, "hashes, a and b must be uint32 buffers (a and b of one length), counts int64");
        goto done;
    }
    if (check_aligned(&hashes, 4, "hashes") < 0 || check_aligned(&counts, 8, "counts") < 0 ||
        check_aligned(&a, 4, "a") < 0 || check_aligned(&b, 4, "b") < 0)
        goto done;
    const int64_t *c = (const int64_t *)counts.buf;
    Py_ssize_t total = 0;
    for (Py_ssize_t d = 0; d < docs; d++) {
        if (c[d] < 0 || c[d] > n - total) {
            PyErr_SetString(PyExc_ValueError, "counts do not add up to the number of hashes");
            goto done;
        }
        total += (Py_ssize_t)c[d];
    }
    if (total != n) {
        PyErr_SetString(PyExc_ValueError, "counts do not add up to the number of hashes");
        goto done;
    }
    if (perms > 0 && docs > PY_SSIZE_T_MAX / 4 / perms) {
        PyErr_NoMemory();
        goto done;
    }
    out = PyBytes_FromStringAndSize(NULL, 4 * docs * perms);
    if (out == NULL)
        goto done;
    uint32_t *values = (uint32_t *)PyBytes_AS_STRING(out);
    /* (s43-serial: minhash_docs, at the end of this file, for every document) */
    if (minhash_docs((const uint32_t *)hashes.buf, n, c, docs, (const uint32_t *)a.buf, (const uint32_t *)b.buf,
                     perms, values) < 0)
        Py_CLEAR(out);
done:
    PyBuffer_Release(&hashes);
    PyBuffer_Release(&counts);
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return out;
}

/* --- distinct values ------------------------------------------------------------------- */

PyDoc_STRVAR(distinct_counts_doc,
             "distinct_counts(hashes, counts) -> bytes\n\n"
             "How many distinct values each document's run of the uint32 buffer hashes holds\n"
             "(counts[i] (int64) of them belong to document i, in order): len(counts) native-endian\n"
             "int64 values. See lintnews.corpus.signature.py_distinct_counts.");

/* Counted with an open-addressing set per document, in one table: a slot holds a value and the
 * number of the document that put it there, so the table is never cleared between documents
 * (another document's slots read as empty), and a document uses only a part of it twice its
 * size, which stays in cache. */
static PyObject *native_distinct_counts(PyObject *self, PyObject *args)
{
    Py_buffer hashes, counts;
    if (!PyArg_ParseTuple(args, "y*y*", &hashes, &counts))
        return NULL;
    PyObject *out = NULL;
    uint32_t *keys = NULL, *owners = NULL;
    Py_ssize_t n = hashes.len / 4, docs = counts.len / 8, largest = 0, total = 0;
    if (hashes.len % 4 || counts.len % 8) {
        PyErr_SetString(PyExc_ValueError, "hashes must be a uint32 buffer, counts an int64 one");
        goto done;
    }
    /* (an empty buffer may point anywhere: array.array's points at a static byte) */
    if ((hashes.len && check_aligned(&hashes, 4, "hashes") < 0) || (counts.len && check_aligned(&counts, 8, "counts") < 0))
        goto done;
    if ((uint64_t)docs >= UINT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "too many documents");
        goto done;
    }
    const int64_t *c = (const int64_t *)counts.buf;
    for (Py_ssize_t d = 0; d < docs; d++) {
        if (c[d] < 0 || c[d] > n - total) {
            PyErr_SetString(PyExc_ValueError, "counts do not add up to the number of hashes");
            goto done;
        }
        total += (Py_ssize_t)c[d];
        largest = c[d] > largest ? (Py_ssize_t)c[d] : largest;
    }
    if (total != n) {
        PyErr_SetString(PyExc_ValueError, "counts do not add up to the number of hashes");
        goto done;
    }
    Py_ssize_t size = 16;
    while (size < 2 * largest)
        size *= 2;
    keys = PyMem_Malloc((size_t)size * sizeof(uint32_t));
    owners = PyMem_Calloc((size_t)size, sizeof(uint32_t));
    out = PyBytes_FromStringAndSize(NULL, 8 * docs);
    if (keys == NULL || owners == NULL || out == NULL) {
        if (out != NULL)
            PyErr_NoMemory();
        Py_CLEAR(out);
        goto done;
    }
    int64_t *found = (int64_t *)PyBytes_AS_STRING(out);
    const uint32_t *h = (const uint32_t *)hashes.buf;
    for (Py_ssize_t d = 0; d < docs; d++) {
        uint32_t owner = (uint32_t)d + 1;
        Py_ssize_t mask = 15;
        while (mask + 1 < 2 * c[d])
            mask = 2 * mask + 1;
        int64_t distinct = 0;
        for (int64_t i = 0; i < c[d]; i++) {
            uint32_t v = h[i];
            Py_ssize_t j = (Py_ssize_t)(fmix32(v) & (uint32_t)mask);
            while (owners[j] == owner && keys[j] != v)
                j = (j + 1) & mask;
            if (owners[j] != owner) {
                owners[j] = owner;
                keys[j] = v;
                distinct++;
            }
        }
        found[d] = distinct;
        h += c[d];
    }
done:
    PyMem_Free(keys);
    PyMem_Free(owners);
    PyBuffer_Release(&hashes);
    PyBuffer_Release(&counts);
    return out;
}

/* --- comparable shingle sets ----------------------------------------------------------- */

PyDoc_STRVAR(sorted_distinct_doc,
             "sorted_distinct(values, drop) -> bytes\n\n"
             "The distinct values of the uint32 buffer values, sorted (native-endian uint32), leaving\n"
             "out the positions in the ranges [lo, hi) of the int64 buffer drop (lo, hi, lo, hi ...;\n"
             "clipped to the buffer as a slice is). See lintnews.corpus.index.py_comparable_set.");

/* Sorts a[0..n) by its bytes, least significant first, with tmp as scratch of n values: the
 * counts of all four bytes in one pass, then one scatter per byte that not all values share.
 * Returns where the sorted values are (a or tmp). Fewer passes than numpy's sort needs calls
 * around it for the few hundred values of a document. */
static uint32_t *radix_sort32(uint32_t *a, uint32_t *tmp, Py_ssize_t n)
{
    Py_ssize_t count[4][256];
    memset(count, 0, sizeof(count));
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t x = a[i];
        count[0][x & 0xFF]++;
        count[1][(x >> 8) & 0xFF]++;
        count[2][(x >> 16) & 0xFF]++;
        count[3][x >> 24]++;
    }
    uint32_t *from = a, *to = tmp;
    for (int d = 0; d < 4; d++) {
        int shift = 8 * d;
        if (n == 0 || count[d][(from[0] >> shift) & 0xFF] == n)
            continue; /* every value has this byte */
        Py_ssize_t at = 0;
        for (int b = 0; b < 256; b++) {
            Py_ssize_t c = count[d][b];
            count[d][b] = at;
            at += c;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            uint32_t x = from[i];
            to[count[d][(x >> shift) & 0xFF]++] = x;
        }
        uint32_t *swap = from;
        from = to;
        to = swap;
    }
    return from;
}

static PyObject *native_sorted_distinct(PyObject *self, PyObject *args)
{
    Py_buffer values, drop;
    if (!PyArg_ParseTuple(args, "y*y*", &values, &drop))
        return NULL;
    PyObject *out = NULL;
    uint32_t *a = NULL, *tmp = NULL;
    char *dropped = NULL;
    if (values.len % 4 || drop.len % 16) {
        PyErr_SetString(PyExc_ValueError, "values must be a uint32 buffer, drop an int64 one of pairs");
        goto done;
    }
    /* (an empty buffer may point anywhere: array.array's points at a static byte) */
    if ((values.len && check_aligned(&values, 4, "values") < 0) || (drop.len && check_aligned(&drop, 8, "drop") < 0))
        goto done;
    Py_ssize_t n = values.len / 4, pairs = drop.len / 16, m = 0;
    const uint32_t *v = (const uint32_t *)values.buf;
    const int64_t *r = (const int64_t *)drop.buf;
    a = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
    tmp = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
    if (pairs)
        dropped = PyMem_Calloc((size_t)(n > 0 ? n : 1), 1);
    if (a == NULL || tmp == NULL || (pairs && dropped == NULL)) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t p = 0; p < pairs; p++) {
        if (r[2 * p] < 0 || r[2 * p + 1] < 0) {
            PyErr_SetString(PyExc_ValueError, "drop ranges must not be negative");
            goto done;
        }
        int64_t lo = r[2 * p] < n ? r[2 * p] : n, hi = r[2 * p + 1] < n ? r[2 * p + 1] : n;
        if (lo < hi)
            memset(dropped + lo, 1, (size_t)(hi - lo));
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if (dropped == NULL || !dropped[i])
            a[m++] = v[i];
    uint32_t *sorted = radix_sort32(a, tmp, m);
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < m; i++)
        if (k == 0 || sorted[i] != sorted[k - 1])
            sorted[k++] = sorted[i];
    out = PyBytes_FromStringAndSize((const char *)sorted, k * (Py_ssize_t)sizeof(uint32_t));
done:
    PyMem_Free(a);
    PyMem_Free(tmp);
    PyMem_Free(dropped);
    PyBuffer_Release(&values);
    PyBuffer_Release(&drop);
    return out;
}

/* --- set intersections ------------------------------------------------------------------ */

PyDoc_STRVAR(common_counts_doc,
             "common_counts(a, others) -> list[int]\n\n"
             "How many values the uint32 buffer a shares with each uint32 buffer of others, all of\n"
             "them sorted, of distinct values (counted by merging, which assumes it).");

static Py_ssize_t merge_common(const uint32_t *a, Py_ssize_t na, const uint32_t *b, Py_ssize_t nb)
{
    Py_ssize_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        uint32_t x = a[i], y = b[j];
        common += x == y;
        i += x <= y;
        j += y <= x;
    }
    return common;
}

static PyObject *native_common_counts(PyObject *self, PyObject *args)
{
    Py_buffer a;
    PyObject *others;
    if (!PyArg_ParseTuple(args, "y*O", &a, &others))
        return NULL;
    PyObject *seq = PySequence_Fast(others, "others must be a sequence of buffers");
    PyObject *out = NULL;
    if (seq == NULL)
        goto done;
    if (a.len % 4) {
        PyErr_SetString(PyExc_ValueError, "a must be a buffer of uint32");
        goto done;
    }
    if (check_aligned(&a, 4, "a") < 0)
        goto done;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    out = PyList_New(count);
    if (out == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_buffer b;
        if (PyObject_GetBuffer(PySequence_Fast_GET_ITEM(seq, k), &b, PyBUF_SIMPLE) < 0) {
            Py_CLEAR(out);
            goto done;
        }
        if (b.len % 4 || check_aligned(&b, 4, "others") < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "others must be buffers of uint32");
            PyBuffer_Release(&b);
            Py_CLEAR(out);
            goto done;
        }
        Py_ssize_t common = merge_common((const uint32_t *)a.buf, a.len / 4, (const uint32_t *)b.buf, b.len / 4);
        PyBuffer_Release(&b);
        PyObject *c = PyLong_FromSsize_t(common);
        if (c == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, k, c);
    }
done:
    Py_XDECREF(seq);
    PyBuffer_Release(&a);
    return out;
}

/* --- blocks of plain text -------------------------------------------------------------- */

/* `re`'s \s and str.strip()'s whitespace for str are both Py_UNICODE_ISSPACE; `re`'s \d is
 * Py_UNICODE_ISDECIMAL (sre's SRE_UNI_IS_DIGIT). */
static inline int is_space(Py_UCS4 ch)
{
    if (ch < 128)
        return ch == ' ' || (ch >= 0x09 && ch <= 0x0d) || (ch >= 0x1c && ch <= 0x1f);
    return Py_UNICODE_ISSPACE(ch);
}

static inline int is_decimal(Py_UCS4 ch)
{
    if (ch < 128)
        return ch >= '0' && ch <= '9';
    return Py_UNICODE_ISDECIMAL(ch);
}

enum { K_PARAGRAPH, K_HEADING, K_LIST, K_TABLE, K_QUOTE, K_CODE };

/* The kind of a line that does not start with a letter (py_plain_blocks's _plain_line_kind). */
static int plain_line_kind(int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n && is_space(PyUnicode_READ(kind, data, i)))
        i++;
    Py_ssize_t lead = i;
    /* ^\s{0,3}#{1,6}\s+\S */
    if (lead <= 3 && i < n && PyUnicode_READ(kind, data, i) == '#') {
        Py_ssize_t j = i;
        while (j < n && PyUnicode_READ(kind, data, j) == '#')
            j++;
        if (j - i <= 6 && j < n && is_space(PyUnicode_READ(kind, data, j))) {
            while (j < n && is_space(PyUnicode_READ(kind, data, j)))
                j++;
            if (j < n)
                return K_HEADING;
        }
    }
    if (i >= n)
        return K_PARAGRAPH;
    Py_UCS4 first = PyUnicode_READ(kind, data, i);
    /* ^\s*\|.*\|?\s*$ (no line break in a line), and two bars or more */
    if (first == '|') {
        Py_ssize_t bars = 0;
        for (Py_ssize_t j = i; j < n && bars < 2; j++)
            bars += PyUnicode_READ(kind, data, j) == '|';
        if (bars >= 2)
            return K_TABLE;
    }
    /* ^\s*(?:[-*+•·▪►]|\d{1,3}[.)])\s+\S */
    Py_ssize_t j = -1;
    if (first == '-' || first == '*' || first == '+' || first == 0x2022 || first == 0x00b7 || first == 0x25aa ||
        first == 0x25ba) {
        j = i + 1;
    } else if (is_decimal(first)) {
        Py_ssize_t d = i;
        while (d < n && d - i < 4 && is_decimal(PyUnicode_READ(kind, data, d)))
            d++;
        if (d - i <= 3 && d < n) {
            Py_UCS4 mark = PyUnicode_READ(kind, data, d);
            if (mark == '.' || mark == ')')
                j = d + 1;
        }
    }
    if (j >= 0 && j < n && is_space(PyUnicode_READ(kind, data, j))) {
        while (j < n && is_space(PyUnicode_READ(kind, data, j)))
            j++;
        if (j < n)
            return K_LIST;
    }
    /* ^\s*> */
    if (first == '>')
        return K_QUOTE;
    return K_PARAGRAPH;
}

/* A line that opens a code fence (lintnews.native.FENCE_OPENER): spaces or tabs, a run of 3 or
 * more backticks or tildes, white space, and an info string that starts with a letter ([^\W\d_]:
 * alphanumeric, not a decimal digit, not "_") or "{" and holds no backtick after backticks. The
 * length of the run, its character in *mark; 0 for any other line. */
static Py_ssize_t fence_opener(int kind, const void *data, Py_ssize_t n, Py_UCS4 *mark)
{
    Py_ssize_t i = 0;
    while (i < n && (PyUnicode_READ(kind, data, i) == ' ' || PyUnicode_READ(kind, data, i) == '\t'))
        i++;
    if (i == n)
        return 0;
    Py_UCS4 c = PyUnicode_READ(kind, data, i);
    if (c != '`' && c != '~')
        return 0;
    Py_ssize_t start = i;
    while (i < n && PyUnicode_READ(kind, data, i) == c)
        i++;
    Py_ssize_t run = i - start;
    if (run < 3)
        return 0;
    while (i < n && is_space(PyUnicode_READ(kind, data, i)))
        i++;
    if (i < n) {
        Py_UCS4 first = PyUnicode_READ(kind, data, i);
        if (first != '{' && !(Py_UNICODE_ISALNUM(first) && !Py_UNICODE_ISDECIMAL(first) && first != '_'))
            return 0;
        if (c == '`')
            for (; i < n; i++)
                if (PyUnicode_READ(kind, data, i) == '`')
                    return 0;
    }
    *mark = c;
    return run;
}

/* A line that closes a fence opened by `run` marks `mark` (lintnews.native.FENCE_CLOSER): spaces or
 * tabs, `run` or more of `mark`, then only white space. */
static int fence_closer(int kind, const void *data, Py_ssize_t n, Py_UCS4 mark, Py_ssize_t run)
{
    Py_ssize_t i = 0;
    while (i < n && (PyUnicode_READ(kind, data, i) == ' ' || PyUnicode_READ(kind, data, i) == '\t'))
        i++;
    Py_ssize_t start = i;
    while (i < n && PyUnicode_READ(kind, data, i) == mark)
        i++;
    if (i - start < run)
        return 0;
    while (i < n && is_space(PyUnicode_READ(kind, data, i)))
        i++;
    return i == n;
}

/* The previous line, right-stripped, is 40 characters or more and does not end a sentence
 * (its last character is none of _TERMINAL's). */
static int open_line(PyObject *line)
{
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    while (n > 0 && is_space(PyUnicode_READ(kind, data, n - 1)))
        n--;
    if (n < 40)
        return 0;
    Py_UCS4 last = PyUnicode_READ(kind, data, n - 1);
    switch (last) {
    case '.': case '!': case '?': case 0x2026: case ':': case ';': case '"': case '\'':
    case 0x201d: case 0x2019: case 0x00bb: case ')': case ']':
        return 0;
    default:
        return 1;
    }
}

/* The names of the kinds (lintnews.native.BLOCK_KINDS), and "\n": made when the module is. */
static PyObject *kind_names[K_CODE + 1], *line_break;

static PyObject *make_block(PyTypeObject *type, Py_ssize_t index, Py_ssize_t start, Py_ssize_t end, PyObject *text,
                            PyObject *kind);
static PyTypeObject BlockType;

/* Appends the Block of lines start to end (all str) of kind `kind` to the list `out`. */
static int append_block(PyObject *out, PyObject *lines, Py_ssize_t start, Py_ssize_t end, int kind)
{
    PyObject *text;
    if (start == end) {
        text = PyList_GET_ITEM(lines, start);
        Py_INCREF(text);
    } else {
        PyObject *slice = PyList_GetSlice(lines, start, end + 1);
        if (slice == NULL)
            return -1;
        text = PyUnicode_Join(line_break, slice);
        Py_DECREF(slice);
        if (text == NULL)
            return -1;
    }
    PyObject *block = make_block(&BlockType, PyList_GET_SIZE(out), start, end, text, kind_names[kind]);
    Py_DECREF(text);
    if (block == NULL)
        return -1;
    int rc = PyList_Append(out, block);
    Py_DECREF(block);
    return rc;
}

PyDoc_STRVAR(plain_blocks_doc,
             "plain_blocks(lines) -> list[Block]\n\n"
             "The blocks of the lines of a plain text: see lintnews.native.py_plain_blocks.");

static PyObject *native_plain_blocks(PyObject *self, PyObject *lines)
{
    if (!PyList_Check(lines)) {
        PyErr_SetString(PyExc_TypeError, "plain_blocks() needs a list of str");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t count = PyList_GET_SIZE(lines);
    int cur_kind = K_PARAGRAPH;
    Py_ssize_t cur_start = -1;
    Py_UCS4 fence_mark = 0;
    Py_ssize_t fence_run = 0; /* the open fence's run of marks (0: not in code) */
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        if (!PyUnicode_Check(line) || PyUnicode_READY(line) < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "plain_blocks() needs a list of str");
            goto fail;
        }
        int kind = PyUnicode_KIND(line);
        const void *data = PyUnicode_DATA(line);
        Py_ssize_t n = PyUnicode_GET_LENGTH(line);
        int letter = n > 0 && Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, 0));
        /* (a line that starts with a letter is no fence line) */
        if (!letter) {
            int fence_line;
            if (fence_run) {
                fence_line = fence_closer(kind, data, n, fence_mark, fence_run);
                if (fence_line)
                    fence_run = 0;
            } else {
                fence_run = fence_opener(kind, data, n, &fence_mark);
                fence_line = fence_run > 0;
            }
            if (fence_line) {
                if (cur_start >= 0) {
                    if (append_block(out, lines, cur_start, i - 1, cur_kind) < 0)
                        goto fail;
                    cur_start = -1;
                }
                continue;
            }
        }
        if (fence_run) {
            if (cur_start < 0) {
                cur_start = i;
                cur_kind = K_CODE;
            }
            continue;
        }
        if (!letter) {
            Py_ssize_t j = 0;
            while (j < n && is_space(PyUnicode_READ(kind, data, j)))
                j++;
            if (j == n) {
                if (cur_start >= 0) {
                    if (append_block(out, lines, cur_start, i - 1, cur_kind) < 0)
                        goto fail;
                    cur_start = -1;
                }
                continue;
            }
        }
        int line_kind = letter ? K_PARAGRAPH : plain_line_kind(kind, data, n);
        if (cur_start >= 0 && line_kind == cur_kind && (line_kind == K_PARAGRAPH || line_kind == K_QUOTE)) {
            Py_ssize_t j = 0;
            if (!letter) {
                if (line_kind == K_QUOTE) {
                    while (j < n) {
                        Py_UCS4 c = PyUnicode_READ(kind, data, j);
                        if (c != ' ' && c != '\t' && c != '>')
                            break;
                        j++;
                    }
                } else {
                    while (j < n && is_space(PyUnicode_READ(kind, data, j)))
                        j++;
                }
            }
            if (j < n && Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, j))) {
                PyObject *prev = PyList_GET_ITEM(lines, i - 1);
                if (!PyUnicode_Check(prev) || PyUnicode_READY(prev) < 0) {
                    if (!PyErr_Occurred())
                        PyErr_SetString(PyExc_TypeError, "plain_blocks() needs a list of str");
                    goto fail;
                }
                if (open_line(prev))
                    continue;
            }
        }
        if (cur_start >= 0 && append_block(out, lines, cur_start, i - 1, cur_kind) < 0)
            goto fail;
        cur_start = i;
        cur_kind = line_kind;
    }
    if (cur_start >= 0 && append_block(out, lines, cur_start, count - 1, cur_kind) < 0)
        goto fail;
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* --- what rules ask of a block ----------------------------------------------------------- */

/* \S(?:[ \xa0]{3,}|\t)\s*\S somewhere in the characters: a run of blanks between two non-blank
 * characters that starts with a tab or with three spaces or no-break spaces (a table row laid out
 * with spaces). Everything between the two non-blank characters is whitespace, so it is enough
 * to look at how each run of whitespace after a non-blank character starts and whether a
 * non-blank character follows it. */
static int has_space_run(int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n && is_space(PyUnicode_READ(kind, data, i)))
        i++;
    while (i < n) {
        /* i: a non-blank character */
        Py_ssize_t j = i + 1;
        while (j < n && is_space(PyUnicode_READ(kind, data, j)))
            j++;
        if (j < n && j > i + 1) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i + 1);
            if (c == '\t')
                return 1;
            if (j - (i + 1) >= 3) {
                Py_ssize_t b = i + 1;
                while (b < i + 4) {
                    Py_UCS4 d = PyUnicode_READ(kind, data, b);
                    if (d != ' ' && d != 0x00a0)
                        break;
                    b++;
                }
                if (b == i + 4)
                    return 1;
            }
        }
        i = j;
    }
    return 0;
}

enum { ROLE_OTHER, ROLE_PARAGRAPH, ROLE_QUOTE, ROLE_HEADING };

static int role_of(PyObject *kind)
{
    /* (the kinds plain_blocks gives are the interned names: found by identity first) */
    if (kind == kind_names[K_PARAGRAPH])
        return ROLE_PARAGRAPH;
    if (kind == kind_names[K_QUOTE])
        return ROLE_QUOTE;
    if (kind == kind_names[K_HEADING])
        return ROLE_HEADING;
    /* (s44-kernel: the other interned names too: three comparisons of strings a list item, a
     * table row or code cost ~8 % of the blocks view) */
    if (kind == kind_names[K_LIST] || kind == kind_names[K_TABLE] || kind == kind_names[K_CODE])
        return ROLE_OTHER;
    if (PyUnicode_CompareWithASCIIString(kind, "paragraph") == 0)
        return ROLE_PARAGRAPH;
    if (PyUnicode_CompareWithASCIIString(kind, "quote") == 0)
        return ROLE_QUOTE;
    if (PyUnicode_CompareWithASCIIString(kind, "heading") == 0)
        return ROLE_HEADING;
    return ROLE_OTHER;
}

/* Prose in the scripts without letter case, where words are not told by their first
 * letter's case (and Chinese, Japanese and Thai put no space between them): a text of at least
 * CASELESS_PROSE letters of such scripts, more than half of its letters, with a mark that ends or
 * splits a sentence in it (lintnews.native.py_caseless_prose). Asked only of a paragraph or quote
 * of a text that is not all Latin-1 and not prose by its words' case. */
#define CASELESS_PROSE 20

static inline int is_clause_mark(Py_UCS4 c)
{
    switch (c) {
    case '.': case '!': case '?': case ',': case ';':
    case 0x3002: case 0xFF0E: case 0xFF61: case 0xFF01: case 0xFF1F: /* 。．｡！？ */
    case 0xFF0C: case 0x3001: case 0xFF1B:                           /* ，、； */
    case 0x061F: case 0x060C: case 0x061B: case 0x06D4:              /* ؟ ، ؛ ۔ */
    case 0x0964: case 0x0965:                                        /* । ॥ */
        return 1;
    default:
        return 0;
    }
}

static int caseless_prose(int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t caseless = 0, letters = 0;
    int marked = 0;
    if (n <= CASELESS_PROSE)
        return 0;
    /* Compiled once per character width (a switch a character cost a third of the pass); the
     * pass stops once the answer cannot change whatever the rest holds: yes with a mark seen,
     * enough letters, and more caseless than other letters by more than the characters left; no
     * once the other letters are as many as the caseless ones and the characters left. */
#define CASELESS_PASS(T)                                                                           \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            Py_UCS4 c = src[i];                                                                    \
            int props = c < 0x10000 ? bmp_props[c]                                                 \
                                    : (Py_UNICODE_ISALPHA(c) ? PROP_ALPHA : 0) |                   \
                                          (caseless_letter(c) ? PROP_CASELESS : 0);                \
            if (props & PROP_ALPHA) {                                                              \
                letters++;                                                                         \
                if (props & PROP_CASELESS) {                                                       \
                    caseless++;                                                                    \
                    if (marked && caseless >= CASELESS_PROSE && 2 * caseless - letters > n - 1 - i) \
                        return 1;                                                                  \
                }                                                                                  \
                else if (2 * (caseless + n - 1 - i) <= letters)                                    \
                    return 0; /* (a text of cased letters: Cyrillic, Greek, Latin) */              \
            }                                                                                      \
            else if (!marked)                                                                      \
                marked = is_clause_mark(c);                                                        \
        }                                                                                          \
    }
    if (kind == PyUnicode_2BYTE_KIND)
        CASELESS_PASS(Py_UCS2)
    else if (kind == PyUnicode_4BYTE_KIND)
        CASELESS_PASS(Py_UCS4)
    else
        CASELESS_PASS(Py_UCS1)
#undef CASELESS_PASS
    return marked && caseless >= CASELESS_PROSE && 2 * caseless > letters;
}

/* s41b-cost: block_traits's words, 16 ASCII characters at a time. A word (\w+ joined by "'",
 * "-" or U+2019 between word characters) starts at a word character that follows neither a word
 * character nor a joiner that follows one: so its starts in 16 characters are found from their
 * masks of word characters, joiners and lower-case letters and the two characters before them,
 * whatever read those. From i (between words: no word the caller has counted goes on at i),
 * while the next 16 characters are all ASCII: their word starts counted into *count, those in
 * lower case into *lower, *one_line cleared when one is a line break; where that stops. Words
 * are read as the loop of a character at a time reads them (fuzzed equal, tests/test_native.py). */
static inline unsigned popcount16(unsigned x)
{
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}

#if defined(__SSE2__)
/* the 16 characters at src as bytes, when all are ASCII */
static inline int ascii16_Py_UCS1(const Py_UCS1 *src, __m128i *out)
{
    __m128i x = _mm_loadu_si128((const __m128i *)src);
    *out = x;
    return _mm_movemask_epi8(x) == 0;
}

static inline int ascii16_Py_UCS2(const Py_UCS2 *src, __m128i *out)
{
    __m128i a = _mm_loadu_si128((const __m128i *)src), b = _mm_loadu_si128((const __m128i *)(src + 8));
    __m128i high = _mm_and_si128(_mm_or_si128(a, b), _mm_set1_epi16((short)0xFF80));
    *out = _mm_packus_epi16(a, b);
    return _mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128())) == 0xFFFF;
}

/* lanes of x (ASCII) from lo to hi */
static inline __m128i bytes_within(__m128i x, char lo, char hi)
{
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8((char)(lo - 1))), _mm_cmplt_epi8(x, _mm_set1_epi8((char)(hi + 1))));
}

#define BLOCK_WORDS_ASCII(T)                                                                       \
    static inline Py_ssize_t block_words_ascii_##T(const T *src, Py_ssize_t i, Py_ssize_t n, Py_ssize_t *count, \
                                                   Py_ssize_t *lower, int *one_line)                \
    {                                                                                              \
        if (i + 16 > n)                                                                            \
            return i;                                                                              \
        __m128i x;                                                                                 \
        if (!ascii16_##T(src + i, &x))                                                             \
            return i;                                                                              \
        /* (the last two characters before i: a word character, a joiner) */                       \
        unsigned w1 = i >= 1 && IS_WORD(src[i - 1]), w2 = i >= 2 && IS_WORD(src[i - 2]);            \
        unsigned j1 = i >= 1 && is_joiner(src[i - 1]), breaks = 0;                                 \
        Py_ssize_t c = 0, l = 0;                                                                   \
        for (;;) {                                                                                 \
            __m128i lo = bytes_within(x, 'a', 'z');                                                \
            __m128i wd = _mm_or_si128(_mm_or_si128(lo, bytes_within(x, 'A', 'Z')),                 \
                                      _mm_or_si128(bytes_within(x, '0', '9'), _mm_cmpeq_epi8(x, _mm_set1_epi8('_')))); \
            __m128i jn = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))); \
            unsigned w = (unsigned)_mm_movemask_epi8(wd), j = (unsigned)_mm_movemask_epi8(jn);      \
            breaks |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')));          \
            unsigned starts = w & ~((w << 1) | w1) & ~(((j << 1) | j1) & ((w << 2) | (w1 << 1) | w2)); \
            c += popcount16(starts);                                                               \
            l += popcount16(starts & (unsigned)_mm_movemask_epi8(lo));                             \
            w1 = (w >> 15) & 1;                                                                    \
            w2 = (w >> 14) & 1;                                                                    \
            j1 = (j >> 15) & 1;                                                                    \
            i += 16;                                                                               \
            if (i + 16 > n || !ascii16_##T(src + i, &x))                                           \
                break;                                                                             \
        }                                                                                          \
        *count += c;                                                                               \
        *lower += l;                                                                               \
        if (breaks)                                                                                \
            *one_line = 0;                                                                         \
        return i;                                                                                  \
    }
BLOCK_WORDS_ASCII(Py_UCS1)
BLOCK_WORDS_ASCII(Py_UCS2)
#undef BLOCK_WORDS_ASCII
#else
static inline Py_ssize_t block_words_ascii_Py_UCS1(const Py_UCS1 *src, Py_ssize_t i, Py_ssize_t n,
                                                   Py_ssize_t *count, Py_ssize_t *lower, int *one_line)
{
    return i;
}
static inline Py_ssize_t block_words_ascii_Py_UCS2(const Py_UCS2 *src, Py_ssize_t i, Py_ssize_t n,
                                                   Py_ssize_t *count, Py_ssize_t *lower, int *one_line)
{
    return i;
}
#endif
static inline Py_ssize_t block_words_ascii_Py_UCS4(const Py_UCS4 *src, Py_ssize_t i, Py_ssize_t n, Py_ssize_t *count,
                                                   Py_ssize_t *lower, int *one_line)
{
    return i;
}

/* The traits of a block of text `text` whose kind has role `role` (see lintnews.native.PyBlock):
 * its words, those that start in lower case, whether it is heading-like and whether it is prose. */
static void block_traits(PyObject *text, int role, Py_ssize_t *words, Py_ssize_t *lowers, char *heading_like,
                         char *prose)
{
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t i = 0, count = 0, lower = 0;
    int one_line = 1;
    /* The words (word_end's, inlined), with the loop compiled once per character width: every
     * block of every document is read, and reading a character of unknown width costs a switch.
     * Between words, runs of ASCII characters are counted 16 at a time (block_words_ascii); a
     * word they end inside of is then read on to its end, as the loop reads a word. */
#define BLOCK_WORDS(T)                                                                             \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        while (i < n) {                                                                            \
            const Py_ssize_t was = i;                                                              \
            i = block_words_ascii_##T(src, i, n, &count, &lower, &one_line);                       \
            if (i > was) {                                                                         \
                if (i >= n)                                                                        \
                    break;                                                                         \
                const Py_UCS4 last = src[i - 1];                                                   \
                if (!(IS_WORD(last) || (is_joiner(last) && IS_WORD(src[i - 2]) && IS_WORD(src[i])))) \
                    continue;                                                                      \
            }                                                                                      \
            else {                                                                                 \
                Py_UCS4 first = src[i++];                                                          \
                if (!IS_WORD(first)) {                                                             \
                    one_line &= first != '\n';                                                     \
                    continue;                                                                      \
                }                                                                                  \
                count++;                                                                           \
                lower += is_lower(first);                                                          \
            }                                                                                      \
            for (;;) {                                                                             \
                while (i < n && IS_WORD(src[i]))                                                   \
                    i++;                                                                           \
                if (!(i + 1 < n && is_joiner(src[i]) && IS_WORD(src[i + 1])))                      \
                    break;                                                                         \
                i++;                                                                               \
            }                                                                                      \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        BLOCK_WORDS(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        BLOCK_WORDS(Py_UCS2)
    else
        BLOCK_WORDS(Py_UCS4)
#undef BLOCK_WORDS
    int heading = role == ROLE_HEADING;
    if (role == ROLE_PARAGRAPH && one_line && count >= 1 && count <= 20) {
        Py_ssize_t lo = 0, hi = n;
        while (lo < hi && is_space(PyUnicode_READ(kind, data, lo)))
            lo++;
        while (hi > lo && is_space(PyUnicode_READ(kind, data, hi - 1)))
            hi--;
        if (hi > lo && hi - lo <= 160) {
            Py_UCS4 first = PyUnicode_READ(kind, data, lo), last = PyUnicode_READ(kind, data, hi - 1);
            heading = (Py_UNICODE_ISUPPER(first) || Py_UNICODE_ISDIGIT(first)) && last != '.' && last != '!' &&
                      last != ',' && last != ';' && last != ':' && !has_space_run(kind, data, n);
        }
    }
    *words = count;
    *lowers = lower;
    *heading_like = (char)heading;
    *prose = (char)((role == ROLE_PARAGRAPH || role == ROLE_QUOTE) &&
                    ((count >= 8 && (double)lower >= 0.45 * (double)count) ||
                     (kind != PyUnicode_1BYTE_KIND && caseless_prose(kind, data, n))));
}

/* --- Block ------------------------------------------------------------------------------- */

/* lintnews.document.Block: a block of a document with what rules ask of it computed when it is
 * made, in the same pass over its text. A type of its own because blocks are made for every
 * line of every document: making one costs a third of a Python class's __init__. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t index, start, end, word_count, lower_count;
    PyObject *text, *kind, *words; /* words: NULL until first asked for */
    char heading_like, prose;
} BlockObject;

static PyObject *make_block(PyTypeObject *type, Py_ssize_t index, Py_ssize_t start, Py_ssize_t end, PyObject *text,
                            PyObject *kind)
{
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(kind) < 0)
        return NULL;
    BlockObject *self = (BlockObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->index = index;
    self->start = start;
    self->end = end;
    Py_INCREF(text);
    self->text = text;
    Py_INCREF(kind);
    self->kind = kind;
    block_traits(text, role_of(kind), &self->word_count, &self->lower_count, &self->heading_like, &self->prose);
    return (PyObject *)self;
}

static PyObject *Block_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"index", "start", "end", "text", "kind", NULL};
    Py_ssize_t index, start, end;
    PyObject *text, *kind;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "nnnUU:Block", kwlist, &index, &start, &end, &text, &kind))
        return NULL;
    return make_block(type, index, start, end, text, kind);
}

static void Block_dealloc(BlockObject *self)
{
    Py_XDECREF(self->text);
    Py_XDECREF(self->kind);
    Py_XDECREF(self->words);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *Block_repr(BlockObject *self)
{
    return PyUnicode_FromFormat("Block(index=%zd, start=%zd, end=%zd, text=%R, kind=%R)", self->index, self->start,
                                self->end, self->text, self->kind);
}

static PyObject *Block_words(BlockObject *self, void *closure)
{
    if (self->words == NULL) {
        self->words = native_words(NULL, self->text);
        if (self->words == NULL)
            return NULL;
    }
    Py_INCREF(self->words);
    return self->words;
}

static PyObject *Block_cached_words(BlockObject *self, PyObject *unused)
{
    PyObject *out = self->words != NULL ? self->words : Py_None;
    Py_INCREF(out);
    return out;
}

static PyMemberDef Block_members[] = {
    {"index", T_PYSSIZET, offsetof(BlockObject, index), READONLY, NULL},
    {"start", T_PYSSIZET, offsetof(BlockObject, start), READONLY, NULL},
    {"end", T_PYSSIZET, offsetof(BlockObject, end), READONLY, NULL},
    {"text", T_OBJECT_EX, offsetof(BlockObject, text), READONLY, NULL},
    {"kind", T_OBJECT_EX, offsetof(BlockObject, kind), READONLY, NULL},
    {"word_count", T_PYSSIZET, offsetof(BlockObject, word_count), READONLY, NULL},
    {"lower_count", T_PYSSIZET, offsetof(BlockObject, lower_count), READONLY, NULL},
    {"heading_like", T_BOOL, offsetof(BlockObject, heading_like), READONLY, NULL},
    {"prose", T_BOOL, offsetof(BlockObject, prose), READONLY, NULL},
    {NULL},
};

static PyGetSetDef Block_getset[] = {
    {"words", (getter)Block_words, NULL, "The block's words (lintnews.native.py_words), made on first use.", NULL},
    {NULL},
};

/* Pickled and copied as the call that makes it (its traits follow from its text and kind). */
static PyObject *Block_reduce(BlockObject *self, PyObject *unused)
{
    return Py_BuildValue("(O(nnnOO))", (PyObject *)Py_TYPE(self), self->index, self->start, self->end, self->text,
                         self->kind);
}

static PyMethodDef Block_methods[] = {
    {"cached_words", (PyCFunction)Block_cached_words, METH_NOARGS, "words, when they were made already (None otherwise)."},
    {"__reduce__", (PyCFunction)Block_reduce, METH_NOARGS, NULL},
    {NULL},
};

static PyTypeObject BlockType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "lintnews._native.Block",
    .tp_basicsize = sizeof(BlockObject),
    .tp_dealloc = (destructor)Block_dealloc,
    .tp_repr = (reprfunc)Block_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Block(index, start, end, text, kind): a block of a document; see lintnews.native.PyBlock.",
    .tp_methods = Block_methods,
    .tp_members = Block_members,
    .tp_getset = Block_getset,
    .tp_new = Block_new,
};

/* --- Short lines holding words (B011's comment-thread screen) ------------------------------ */

PyDoc_STRVAR(short_lines_holding_doc,
             "short_lines_holding(lines, first, longest, words, before_digits) -> list[int] | None\n\n"
             "The numbers i >= first (ascending) of the lines whose text stripped is 1 to longest\n"
             "characters long and that hold one of words (lower case, any script) once lower-cased, or\n"
             "a character of before_digits (ASCII) followed by two decimal digits; None when one of\n"
             "those lines holds U+0130, U+0131 or U+017F, or, when a word is not ASCII, another\n"
             "character that re.IGNORECASE equates with a letter str.lower does not give (see\n"
             "lintnews.native.py_short_lines_holding).");

/* A character as str.lower() gives it when that is ASCII (U+212A, the Kelvin sign, lowers to
   "k"; U+0130, the one other character with an ASCII lower case, makes the result None), 0
   for any other character. */
static inline Py_UCS4 ascii_lower(Py_UCS4 ch)
{
    if (ch < 128)
        return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
    return ch == 0x212A ? 'k' : 0;
}

/* The characters that re.IGNORECASE equates with a letter that str.lower does not turn them
   into (re._casefix: U+00B5 and Greek mu, U+1C80 and Cyrillic ve, ...; final sigma), U+0130
   (lower-cases to two characters) included: a line holding one cannot be screened for words
   that are not ASCII (lintnews.native.ODD_FOLDS). */
static inline int odd_fold(Py_UCS4 ch)
{
    switch (ch) {
    case 0xB5: case 0x130: case 0x131: case 0x17F: case 0x345: case 0x390: case 0x3B0: case 0x3C2:
    case 0x3D0: case 0x3D1: case 0x3D5: case 0x3D6: case 0x3F0: case 0x3F1: case 0x3F5: case 0x1E9B:
    case 0x1FBE: case 0x1FD3: case 0x1FE3: case 0xFB05: case 0xFB06:
        return 1;
    default:
        return ch >= 0x1C80 && ch <= 0x1C88;
    }
}

/* A character as str.lower() gives it, for any character but U+0130 (two characters) and a
   final capital sigma (str.lower gives final sigma there; the words hold neither sigma). */
static inline Py_UCS4 any_lower(Py_UCS4 ch)
{
    if (ch < 128)
        return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
    return Py_UNICODE_TOLOWER(ch);
}

static PyObject *native_short_lines_holding(PyObject *self, PyObject *args)
{
    PyObject *lines, *words, *before;
    Py_ssize_t first, longest;
    if (!PyArg_ParseTuple(args, "O!nnO!U", &PyList_Type, &lines, &first, &longest, &PyTuple_Type, &words,
                          &before))
        return NULL;
    Py_ssize_t nw = PyTuple_GET_SIZE(words);
    if (nw > 64) {
        PyErr_SetString(PyExc_ValueError, "short_lines_holding() takes at most 64 words");
        return NULL;
    }
    /* each word's characters and length; the first character of a word, and (a bit per pair)
       its first two characters, to try the words at a place only when both fit */
    const Py_UCS1 *wdata[64];
    Py_ssize_t wlen[64];
    uint8_t starts[128] = {0}, digits_after[128] = {0}, single[128] = {0};
    uint64_t pairs[128][2] = {{0}};
    /* the words that are not ASCII, read by a second pass over the lines that are not either */
    int wkinds[64];
    const void *wdatas[64];
    Py_ssize_t wlens[64];
    Py_UCS4 wfirst[64], wmax[64];
    Py_ssize_t nwide = 0, nascii = 0;
    int latin1_words = 0;
    /* their first characters: the ASCII ones, and (a bit per character modulo 64) the others */
    uint8_t wide_ascii_starts[128] = {0};
    uint64_t wide_starts = 0;
    for (Py_ssize_t w = 0; w < nw; w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        if (!PyUnicode_Check(word) || PyUnicode_READY(word) < 0 || PyUnicode_GET_LENGTH(word) == 0) {
            PyErr_SetString(PyExc_ValueError, "short_lines_holding() takes non-empty words");
            return NULL;
        }
        if (!PyUnicode_IS_ASCII(word)) {
            int wkind = PyUnicode_KIND(word);
            const void *wd = PyUnicode_DATA(word);
            for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(word); j++) {
                Py_UCS4 ch = PyUnicode_READ(wkind, wd, j);
                if (any_lower(ch) != ch || ch == 0x3C3 || odd_fold(ch)) {
                    PyErr_SetString(PyExc_ValueError,
                                    "short_lines_holding() takes lower-case words without sigma or a "
                                    "character re.IGNORECASE equates otherwise (lintnews.native.ODD_FOLDS)");
                    return NULL;
                }
            }
            wkinds[nwide] = wkind;
            wdatas[nwide] = wd;
            wlens[nwide] = PyUnicode_GET_LENGTH(word);
            wfirst[nwide] = PyUnicode_READ(wkind, wd, 0);
            if (wfirst[nwide] < 128)
                wide_ascii_starts[wfirst[nwide]] = 1;
            else
                wide_starts |= (uint64_t)1 << (wfirst[nwide] & 63);
            wmax[nwide] = PyUnicode_MAX_CHAR_VALUE(word);
            latin1_words |= wkind == PyUnicode_1BYTE_KIND;
            nwide++;
            continue;
        }
        Py_ssize_t k = nascii++;
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(word);
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(word); j++)
            if (s[j] >= 'A' && s[j] <= 'Z') {
                PyErr_SetString(PyExc_ValueError, "short_lines_holding() takes lower-case words");
                return NULL;
            }
        starts[s[0]] = 1;
        wdata[k] = s;
        wlen[k] = PyUnicode_GET_LENGTH(word);
        if (wlen[k] == 1)
            single[s[0]] = 1;
        else
            pairs[s[0]][s[1] >> 6] |= (uint64_t)1 << (s[1] & 63);
    }
    nw = nascii;
    if (PyUnicode_READY(before) < 0)
        return NULL;
    for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(before); j++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(before, j);
        if (ch >= 128) {
            PyErr_SetString(PyExc_ValueError, "short_lines_holding() takes ASCII characters before digits");
            return NULL;
        }
        digits_after[ch] = 1;
    }
    /* the ASCII characters a hit may start at: a word's first character in either case, or a
       character before digits */
    uint8_t interesting[128] = {0};
    for (int c = 0; c < 128; c++)
        interesting[c] = digits_after[c] || starts[ascii_lower((Py_UCS4)c)];
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(lines);
    for (Py_ssize_t i = first < 0 ? 0 : first; i < n; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        if (!PyUnicode_Check(line) || PyUnicode_READY(line) < 0) {
            PyErr_SetString(PyExc_TypeError, "short_lines_holding() takes a list of str");
            goto fail;
        }
        int kind = PyUnicode_KIND(line);
        const void *data = PyUnicode_DATA(line);
        Py_ssize_t a = 0, b = PyUnicode_GET_LENGTH(line);
        while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a)))
            a++;
        while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1)))
            b--;
        if (a == b || b - a > longest)
            continue;
        /* the whole line is searched (stripping removes no word and no digit); a line of wide
           characters is read to its end for the three that make the answer None */
        Py_ssize_t len = PyUnicode_GET_LENGTH(line);
        int hit = 0, unscreenable = 0;
#define SHORT_LINES_SCAN(T, WIDE)                                                                  \
    {                                                                                              \
        const T *s = (const T *)data;                                                              \
        for (Py_ssize_t p = 0; p < len; p++) {                                                     \
            Py_UCS4 ch = s[p], low;                                                                \
            if (ch < 128) {                                                                        \
                if (hit || !interesting[ch])                                                       \
                    continue;                                                                      \
                if (digits_after[ch] && p + 2 < len && Py_UNICODE_ISDECIMAL(s[p + 1]) &&          \
                    Py_UNICODE_ISDECIMAL(s[p + 2])) {                                              \
                    hit = 1;                                                                       \
                    if (!(WIDE))                                                                   \
                        break;                                                                     \
                    continue;                                                                      \
                }                                                                                  \
                low = ascii_lower(ch);                                                             \
            }                                                                                      \
            else {                                                                                 \
                if (!(WIDE))                                                                       \
                    continue;                                                                      \
                if (ch == 0x130 || ch == 0x131 || ch == 0x17F) {                                   \
                    unscreenable = 1;                                                              \
                    break;                                                                         \
                }                                                                                  \
                if (hit || ch != 0x212A)                                                           \
                    continue;                                                                      \
                low = 'k';                                                                         \
            }                                                                                      \
            if (!starts[low])                                                                      \
                continue;                                                                          \
            if (single[low]) {                                                                     \
                hit = 1;                                                                           \
                if (!(WIDE))                                                                       \
                    break;                                                                         \
                continue;                                                                          \
            }                                                                                      \
            Py_UCS4 next = p + 1 < len ? ascii_lower(s[p + 1]) : 0;                                \
            if (next == 0 || next >= 128 || !(pairs[low][next >> 6] >> (next & 63) & 1))           \
                continue;                                                                          \
            for (Py_ssize_t w = 0; w < nw && !hit; w++) {                                          \
                const Py_UCS1 *ws = wdata[w];                                                      \
                Py_ssize_t m = wlen[w];                                                            \
                if (ws[0] != low || p + m > len)                                                   \
                    continue;                                                                      \
                Py_ssize_t j = 1;                                                                  \
                while (j < m && ascii_lower(s[p + j]) == ws[j])                                    \
                    j++;                                                                           \
                hit = j == m;                                                                      \
            }                                                                                      \
            if (hit && !(WIDE))                                                                    \
                break;                                                                             \
        }                                                                                          \
    }
        if (kind == PyUnicode_1BYTE_KIND)
            SHORT_LINES_SCAN(Py_UCS1, 0)
        else if (kind == PyUnicode_2BYTE_KIND)
            SHORT_LINES_SCAN(Py_UCS2, 1)
        else
            SHORT_LINES_SCAN(Py_UCS4, 1)
#undef SHORT_LINES_SCAN
        /* the words that are not ASCII, on a line that is not ASCII either (an ASCII line holds
           none: no character but U+212A lower-cases to ASCII from elsewhere), read to its end
           for the characters that make the answer None */
        if (nwide > 0 && !unscreenable && !PyUnicode_IS_ASCII(line)) {
            if (kind == PyUnicode_1BYTE_KIND && !latin1_words) {
                /* no word fits a line of one byte a character (lower-casing keeps a character
                   there): only the micro sign, the one character of ODD_FOLDS it may hold */
                if (memchr(data, 0xB5, (size_t)len) != NULL)
                    unscreenable = 1;
            }
            else {
                Py_UCS4 widest = PyUnicode_MAX_CHAR_VALUE(line);
                for (Py_ssize_t p = 0; p < len; p++) {
                    Py_UCS4 ch = PyUnicode_READ(kind, data, p), low;
                    if (ch < 128) {
                        if (hit || !wide_ascii_starts[low = ascii_lower(ch)])
                            continue;
                    }
                    else {
                        if (odd_fold(ch)) {
                            unscreenable = 1;
                            break;
                        }
                        if (hit)
                            continue;
                        /* kana and the CJK ideographs have no case (U+3040-U+9FFF) */
                        low = (ch >= 0x3040 && ch < 0xA000) ? ch : any_lower(ch);
                        if (low < 128 ? !wide_ascii_starts[low] : !(wide_starts >> (low & 63) & 1))
                            continue; /* (U+212A lower-cases to "k") */
                    }
                    for (Py_ssize_t w = 0; w < nwide && !hit; w++) {
                        Py_ssize_t m = wlens[w];
                        if (wfirst[w] != low || wmax[w] > widest || p + m > len)
                            continue;
                        Py_ssize_t j = 1;
                        while (j < m && any_lower(PyUnicode_READ(kind, data, p + j)) ==
                                            PyUnicode_READ(wkinds[w], wdatas[w], j))
                            j++;
                        hit = j == m;
                    }
                }
            }
        }
        if (unscreenable) {
            Py_DECREF(found);
            Py_RETURN_NONE;
        }
        if (hit) {
            PyObject *number = PyLong_FromSsize_t(i);
            int failed = number == NULL || PyList_Append(found, number) < 0;
            Py_XDECREF(number);
            if (failed)
                goto fail;
        }
    }
    return found;
fail:
    Py_DECREF(found);
    return NULL;
}

/* --- s32-signature: a document's lines as its corpus signature needs them ---------------- */

PyDoc_STRVAR(signature_lines_doc,
             "signature_lines(lines, norms, chrome, k, edge, max_chars, min_words) -> tuple\n\n"
             "What lintnews.corpus.doclines.py_signature_lines gives (see there), in one pass over the\n"
             "document's lines and their normalised forms (lists of one length): (non-blank lines,\n"
             "first non-blank line, the non-empty norms joined by spaces in UTF-8, that text's length in\n"
             "characters, the word k-gram shingle hashes of the non-empty norms not marked in chrome as a\n"
             "bytearray of native uint32 (empty when k is 0), the template candidate rows).");

/* Reads the characters of the str s: kind, data, length. */
#define STR_PARTS(s, kind, data, len)                                                              \
    const int kind = PyUnicode_KIND(s);                                                            \
    const void *data = PyUnicode_DATA(s);                                                          \
    const Py_ssize_t len = PyUnicode_GET_LENGTH(s)

/* The template candidate row of line i (rank among n non-blank lines; its shingles lo to hi), or
 * Py_None when the line is too long or of too few words; NULL on error. */
static PyObject *edge_row(PyObject *line, PyObject *norm, Py_ssize_t i, Py_ssize_t rank, Py_ssize_t n,
                          Py_ssize_t max_chars, Py_ssize_t min_words, Py_ssize_t lo, Py_ssize_t hi)
{
    STR_PARTS(line, kind, data, len);
    if (len > max_chars)
        Py_RETURN_NONE;
    STR_PARTS(norm, nkind, ndata, nlen);
    Py_ssize_t words = 1;
    for (Py_ssize_t j = 0; j < nlen; j++)
        words += PyUnicode_READ(nkind, ndata, j) == ' ';
    if (words < min_words)
        Py_RETURN_NONE;
    /* its source span on the identity map: first character kept by lstrip(), one past the last
     * kept by rstrip() (as lintnews.corpus.signature._source_span) */
    Py_ssize_t col = 0, last = len - 1;
    while (col < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, col)))
        col++;
    while (last >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, last)))
        last--;
    Py_ssize_t from_end = n - 1 - rank;
    return Py_BuildValue("(nnnnnnnn)", i, col + 1, (last > col ? last : col) + 2, rank < 255 ? rank : 255,
                         from_end < 255 ? from_end : 255, words < 65535 ? words : 65535, lo, hi);
}

static PyObject *native_signature_lines(PyObject *self, PyObject *args)
{
    PyObject *lines, *norms;
    Py_buffer chrome;
    Py_ssize_t k, edge, max_chars, min_words;
    if (!PyArg_ParseTuple(args, "O!O!y*nnnn", &PyList_Type, &lines, &PyList_Type, &norms, &chrome, &k, &edge,
                          &max_chars, &min_words))
        return NULL;
    PyObject *out = NULL, *rows = NULL;
    Py_ssize_t count = PyList_GET_SIZE(lines);
    Py_ssize_t *nonblank = NULL, *spans = NULL; /* non-blank line numbers; each line's shingles */
    char *text = NULL;
    Py_ssize_t text_len = 0, text_cap = 4096, chars = 0;
    Shingler sh = {NULL, 0, 0, NULL, 0};
    const unsigned char *marked = chrome.buf;
    if (PyList_GET_SIZE(norms) != count || k < 0 || edge < 0) {
        PyErr_SetString(PyExc_ValueError, "signature_lines() needs as many norms as lines, k and edge >= 0");
        goto done;
    }
    if (shingler_init(&sh) < 0)
        goto done;
    nonblank = PyMem_Malloc((count + 1) * sizeof(Py_ssize_t));
    spans = PyMem_Malloc(2 * (count + 1) * sizeof(Py_ssize_t));
    text = PyMem_Malloc(text_cap);
    if (nonblank == NULL || spans == NULL || text == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i), *norm = PyList_GET_ITEM(norms, i);
        if (!PyUnicode_Check(line) || !PyUnicode_Check(norm)) {
            PyErr_SetString(PyExc_TypeError, "signature_lines() needs lists of str");
            goto done;
        }
        STR_PARTS(line, kind, data, len);
        Py_ssize_t j = 0;
        while (j < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j)))
            j++;
        if (j < len) /* str.strip() keeps something */
            nonblank[n++] = i;
        spans[2 * i] = spans[2 * i + 1] = sh.used;
        if (PyUnicode_GET_LENGTH(norm) == 0)
            continue;
        /* its UTF-8 written straight after the text so far (s34-views: utf8_into) */
        const Py_ssize_t nlen = PyUnicode_GET_LENGTH(norm), nkind = PyUnicode_KIND(norm);
        const Py_ssize_t room = PyUnicode_IS_ASCII(norm) ? nlen : nlen * (nkind == PyUnicode_1BYTE_KIND ? 2 : nkind + 1);
        if (text_len + room + 1 > text_cap) {
            while (text_len + room + 1 > text_cap)
                text_cap *= 2;
            char *grown = PyMem_Realloc(text, text_cap);
            if (grown == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            text = grown;
        }
        if (text_len) {
            text[text_len++] = ' ';
            chars++;
        }
        const char *utf8 = text + text_len;
        const Py_ssize_t size = utf8_into(norm, text + text_len);
        if (size < 0) {
            Py_ssize_t ignored;
            if (PyUnicode_AsUTF8AndSize(norm, &ignored) != NULL) /* (it raises for a surrogate) */
                PyErr_SetString(PyExc_UnicodeError, "signature_lines() could not encode a line");
            goto done;
        }
        text_len += size;
        chars += nlen;
        if (k > 0 && !(i < chrome.len && marked[i])) {
            if (shingle_line(&sh, (const unsigned char *)utf8, size, k) < 0)
                goto done;
            spans[2 * i + 1] = sh.used;
        }
    }
    rows = PyList_New(0);
    if (rows == NULL)
        goto done;
    for (Py_ssize_t r = 0; r < n; r++) {
        if (n > 2 * edge && r == edge) {
            r = n - edge; /* only the first and the last edge lines */
            if (r == n)
                break;
        }
        Py_ssize_t i = nonblank[r];
        PyObject *norm = PyList_GET_ITEM(norms, i);
        if (PyUnicode_GET_LENGTH(norm) == 0 || (i < chrome.len && marked[i]))
            continue;
        PyObject *row = edge_row(PyList_GET_ITEM(lines, i), norm, i, r, n, max_chars, min_words, spans[2 * i],
                                 spans[2 * i + 1]);
        if (row == NULL || (row != Py_None && PyList_Append(rows, row) < 0)) {
            Py_XDECREF(row);
            goto done;
        }
        Py_DECREF(row);
    }
    out = Py_BuildValue("(nnNnNO)", n, n ? nonblank[0] : 0, PyBytes_FromStringAndSize(text, text_len), chars,
                        PyByteArray_FromStringAndSize((const char *)sh.hashes, sh.used * (Py_ssize_t)sizeof(uint32_t)),
                        rows);
done:
    PyBuffer_Release(&chrome);
    Py_XDECREF(rows);
    PyMem_Free(nonblank);
    PyMem_Free(spans);
    PyMem_Free(text);
    shingler_free(&sh);
    return out;
}

#undef STR_PARTS

/* --- end s32-signature ------------------------------------------------------------------- */

/* s32-chrome: the site-chrome rules' screens (rules/chrome/separators.py, rules/chrome/share.py) */

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

PyDoc_STRVAR(lines_holding_doc,
             "lines_holding(text, chars, spaced) -> list[int]\n\n"
             "The numbers (ascending) of the lines of text (text.split(\"\\n\")) that hold a character of\n"
             "chars (at most 16, of the Basic Multilingual Plane, no line break or NUL); one of spaced\n"
             "counts only with a space on each side (\" / \"). One pass over the text that skips the rest\n"
             "of a line after its first hit (see lintnews.native.py_lines_holding).");

static int append_number(PyObject *list, Py_ssize_t i)
{
    PyObject *number = PyLong_FromSsize_t(i);
    int failed = number == NULL || PyList_Append(list, number) < 0;
    Py_XDECREF(number);
    return failed ? -1 : 0;
}

/* What a character is to lines_holding: 0 nothing, 1 a hit, 2 a hit between two spaces, 3 a
   line break (the tables made from its arguments). */
typedef struct {
    uint8_t want[256];
    Py_UCS4 wide[16];
    uint8_t wide_want[16];
    int nwide;
    /* every character that is not 0 (the line break first), for the vector scan */
    Py_UCS4 stops[18];
    int nstops;
} HoldingTable;

static inline uint8_t holding_how(const HoldingTable *t, Py_UCS4 ch)
{
    if (ch < 256)
        return t->want[ch];
    for (int w = 0; w < t->nwide; w++)
        if (t->wide[w] == ch)
            return t->wide_want[w];
    return 0;
}

static PyObject *native_lines_holding(PyObject *self, PyObject *args)
{
    PyObject *text, *chars, *spaced;
    if (!PyArg_ParseTuple(args, "UUU", &text, &chars, &spaced))
        return NULL;
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(chars) < 0 || PyUnicode_READY(spaced) < 0)
        return NULL;
    HoldingTable t;
    memset(&t, 0, sizeof t);
    t.want['\n'] = 3;
    t.stops[t.nstops++] = '\n';
    Py_ssize_t nc = PyUnicode_GET_LENGTH(chars);
    if (nc > 16) {
        PyErr_SetString(PyExc_ValueError, "lines_holding() takes at most 16 characters");
        return NULL;
    }
    for (Py_ssize_t j = 0; j < nc; j++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(chars, j);
        if (ch > 0xFFFF || ch == '\n' || ch == 0) {
            PyErr_SetString(PyExc_ValueError,
                            "lines_holding() takes characters of the Basic Multilingual Plane, no line break or NUL");
            return NULL;
        }
        uint8_t how = PyUnicode_FindChar(spaced, ch, 0, PyUnicode_GET_LENGTH(spaced), 1) >= 0 ? 2 : 1;
        if (holding_how(&t, ch) == 0)
            t.stops[t.nstops++] = ch;
        if (ch < 256)
            t.want[ch] = how;
        else {
            int w = 0;
            while (w < t.nwide && t.wide[w] != ch)
                w++;
            t.wide[w] = ch;
            t.wide_want[w] = how;
            t.nwide += w == t.nwide;
        }
    }
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), line = 0;
    int hit = 0; /* the line has been found */
    /* one character that may matter (a line break or one wanted) */
#define LINES_HOLDING_CHAR(T, p)                                                                   \
    {                                                                                              \
        Py_UCS4 ch = s[p];                                                                         \
        uint8_t how = holding_how(&t, ch);                                                         \
        if (how == 3) {                                                                            \
            line++;                                                                                \
            hit = 0;                                                                               \
        }                                                                                          \
        else if (!hit &&                                                                           \
                 (how == 1 || (how == 2 && p > 0 && p + 1 < len && s[p - 1] == ' ' && s[p + 1] == ' '))) { \
            hit = 1;                                                                               \
            if (append_number(found, line) < 0)                                                    \
                goto fail;                                                                         \
        }                                                                                          \
    }
    Py_ssize_t p = 0;
#if defined(__SSE2__)
    /* 16 bytes at a time: the characters equal to none of the stops (nearly all) are passed over
       with a few vector compares, the others read one by one */
    if (kind == PyUnicode_1BYTE_KIND || kind == PyUnicode_2BYTE_KIND) {
        __m128i stops[18];
        int nstops = 0;
        for (int k = 0; k < t.nstops; k++) {
            if (kind == PyUnicode_1BYTE_KIND && t.stops[k] < 256)
                stops[nstops++] = _mm_set1_epi8((char)t.stops[k]);
            else if (kind == PyUnicode_2BYTE_KIND)
                stops[nstops++] = _mm_set1_epi16((short)t.stops[k]);
        }
        const char *bytes = (const char *)data;
#define LINES_HOLDING_VECTOR(T, CMPEQ)                                                             \
    {                                                                                              \
        const T *s = (const T *)data;                                                              \
        Py_ssize_t step = 16 / sizeof(T);                                                          \
        for (; p + step <= len; p += step) {                                                       \
            __m128i x = _mm_loadu_si128((const __m128i *)(bytes + p * sizeof(T)));                 \
            __m128i m = CMPEQ(x, stops[0]);                                                        \
            for (int k = 1; k < nstops; k++)                                                       \
                m = _mm_or_si128(m, CMPEQ(x, stops[k]));                                           \
            unsigned mask = (unsigned)_mm_movemask_epi8(m);                                        \
            while (mask) {                                                                         \
                int bit = __builtin_ctz(mask);                                                     \
                Py_ssize_t q = p + bit / (int)sizeof(T);                                           \
                mask &= ~(((1u << sizeof(T)) - 1) << bit);                                         \
                LINES_HOLDING_CHAR(T, q)                                                           \
            }                                                                                      \
        }                                                                                          \
    }
        if (kind == PyUnicode_1BYTE_KIND)
            LINES_HOLDING_VECTOR(Py_UCS1, _mm_cmpeq_epi8)
        else
            LINES_HOLDING_VECTOR(Py_UCS2, _mm_cmpeq_epi16)
#undef LINES_HOLDING_VECTOR
    }
#endif
    /* (the rest, and every character where there is no vector scan) */
#define LINES_HOLDING_SCAN(T)                                                                      \
    {                                                                                              \
        const T *s = (const T *)data;                                                              \
        for (; p < len; p++) {                                                                     \
            if (s[p] < 256 && !t.want[s[p]])                                                       \
                continue;                                                                          \
            LINES_HOLDING_CHAR(T, p)                                                               \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        LINES_HOLDING_SCAN(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        LINES_HOLDING_SCAN(Py_UCS2)
    else
        LINES_HOLDING_SCAN(Py_UCS4)
#undef LINES_HOLDING_SCAN
#undef LINES_HOLDING_CHAR
    return found;
fail:
    Py_DECREF(found);
    return NULL;
}

/* s51-menus: what each line is to a navigation menu (B028, rules/chrome/menu_shapes.py) */

PyDoc_STRVAR(menu_kinds_doc,
             "menu_kinds(lines) -> bytes\n\n"
             "For each line of lines (a list of str), what menu_shapes.line_kind says of it (the bits\n"
             "ITEM 1, ROW 2, SEPARATOR 4, BLANK 8, TITLED 16; 0 ends a run), or 255 where the kernel\n"
             "leaves the line to line_kind: one that may be a row of links, an archive entry, an\n"
             "abbreviation or a separator alone, or whose first word may case-fold to a byline's (see\n"
             "lintnews.native_chrome.py_menu_kinds).");

/* The longest stripped line that may be a menu line (menu_shapes.LONGEST + 8), the longest item
   and the most words of one. */
#define MENU_LONGEST 208
#define MENU_ITEM_LONGEST 40
#define MENU_ITEM_WORDS 4
#define MENU_CJK_LONGEST 10 /* menu_items.LONGEST_CJK_ITEM */
#define MENU_ASK 255

static inline int menu_marker_char(Py_UCS4 ch)
{
    /* a one-character list marker of menu_shapes.MARKER: - * + • · ▪ ► > */
    return ch == '-' || ch == '*' || ch == '+' || ch == 0x2022 || ch == 0xB7 || ch == 0x25AA || ch == 0x25BA ||
           ch == '>';
}

static inline int menu_hint(Py_UCS4 ch)
{
    /* a separator of a row of links (menu_shapes._ROW_HINT): | • · : » › / – — */
    return ch == '|' || ch == 0x2022 || ch == 0xB7 || ch == ':' || ch == 0xBB || ch == 0x203A || ch == '/' ||
           ch == 0x2013 || ch == 0x2014;
}

/* A character that case-folds to ASCII letters only, though it is not ASCII (ß ſ ẞ K ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ
   ﬆ): a first word holding one may fold to a byline's ("poﬆed"). */
static inline int menu_folds_to_ascii(Py_UCS4 ch)
{
    return ch == 0xDF || ch == 0x17F || ch == 0x1E9E || ch == 0x212A || (ch >= 0xFB00 && ch <= 0xFB06);
}

/* Whether the ASCII word s[a:b] is, lower-cased, a byline's first word (menu_items._BYLINE_WORDS). */
static int menu_byline_word(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    static const char *words[] = {"by", "von", "par", "por", "posted", "written"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        Py_ssize_t len = (Py_ssize_t)strlen(words[w]);
        if (len != b - a)
            continue;
        Py_ssize_t k = 0;
        while (k < len && Py_TOLOWER(PyUnicode_READ(kind, data, a + k)) == (Py_UCS4)words[w][k])
            k++;
        if (k == len)
            return 1;
    }
    return 0;
}

/* What one line is to a menu (see menu_kinds_doc). */
static int menu_kind(int kind, const void *data, Py_ssize_t n)
{
#define CH(i) PyUnicode_READ(kind, data, (i))
    Py_ssize_t a = 0, b = n;
    while (a < n && Py_UNICODE_ISSPACE(CH(a)))
        a++;
    if (a == n)
        return 8; /* BLANK */
    while (b > a && Py_UNICODE_ISSPACE(CH(b - 1)))
        b--;
    if (b - a > MENU_LONGEST)
        return 0; /* a paragraph */
    if (b - a == 1)
        return MENU_ASK; /* a separator alone, or a one-letter item */
    /* the bare text: MARKER (white space, a marker, white space) taken from the line's start */
    Py_ssize_t p = a;
    Py_UCS4 first = CH(a);
    if (first == '#') {
        Py_ssize_t h = a;
        while (h < b && CH(h) == '#')
            h++;
        if (h - a <= 6 && h < b && Py_UNICODE_ISSPACE(CH(h)))
            p = h;
    }
    else if (menu_marker_char(first) && Py_UNICODE_ISSPACE(CH(a + 1)))
        p = a + 1;
    while (p < b && Py_UNICODE_ISSPACE(CH(p)))
        p++;
    if (p == b)
        return 0; /* a marker alone */
    /* a second marker after the first ("*   * Portal", "* #### Car Reviews"): MARKER takes them
       all, which line_kind reads */
    if (p > a && (CH(p) == '#' || (menu_marker_char(CH(p)) && p + 1 < n && Py_UNICODE_ISSPACE(CH(p + 1)))))
        return MENU_ASK;
    Py_ssize_t len = b - p;
    Py_UCS4 last = CH(b - 1);
    /* An archive entry (menu_shapes._ARCHIVE) ends with a year after white space ("November
       2012") or a count of posts in brackets ("Candy (5)"); a line ending otherwise with a digit or
       a bracket is none, and, holding a digit or a bracket, no item either: a row of links or
       nothing. */
    int tail = 0; /* 1: the line may be an archive entry, 2: it can be no item */
    if (Py_UNICODE_ISDECIMAL(last)) {
        tail = 2;
        if (len >= 5 && Py_UNICODE_ISSPACE(CH(b - 5)) && Py_UNICODE_ISDECIMAL(CH(b - 2)) &&
            ((CH(b - 4) == '1' && CH(b - 3) == '9') || (CH(b - 4) == '2' && CH(b - 3) == '0')))
            tail = 1;
    }
    else if (last == ')') {
        tail = 2;
        Py_ssize_t d = b - 1;
        while (d > p && b - 1 - d < 6 && Py_UNICODE_ISDECIMAL(CH(d - 1)))
            d--;
        if (d < b - 1 && b - 1 - d <= 5 && d > p && CH(d - 1) == '(')
            tail = 1;
    }
    if (tail == 1)
        return MENU_ASK; /* maybe an archive entry */
    /* A row of links needs two separators, each after white space (the text's start counts: the
       row is read with a space before it) but a last "|": fewer, and the line is no row. */
    int spaced = last == '|', dot = 0;
    for (Py_ssize_t i = p; i < b; i++) {
        Py_UCS4 ch = CH(i);
        if (menu_hint(ch) && (i == p || Py_UNICODE_ISSPACE(CH(i - 1))))
            spaced++;
        dot |= ch == '.';
    }
    if (spaced >= 2)
        return MENU_ASK; /* maybe a row of links */
    if (tail)
        return 0;
    if (len <= 6 && dot)
        return MENU_ASK; /* maybe an abbreviation ("U.S.") */
    if (len > MENU_ITEM_LONGEST)
        return 0;
    int invalid = 0, cjk = 0;
    for (Py_ssize_t i = p; i < b && !invalid; i++) {
        Py_UCS4 ch = CH(i);
        /* a Chinese character or kana (menu_items._CJK): LONGEST_CJK_ITEM of them at most */
        if (((ch >= 0x2E80 && ch <= 0x9FFF) || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0x20000 && ch <= 0x3FFFF)) &&
            ++cjk > MENU_CJK_LONGEST)
            return 0;
        if (Py_UNICODE_ISDECIMAL(ch))
            invalid = 1; /* no digit in an item */
        else if (!(Py_UNICODE_ISALNUM(ch) || ch == '_' || ch == ' ' || ch == '-' || ch == '&' || ch == '\'' ||
                   ch == 0x2019 || ch == '/')) {
            /* a combining mark (menu_items.MARK_BLOCKS: a Bengali vowel sign) is part of a word
               there, which line_kind reads without it */
            if ((ch >= 0x300 && ch <= 0x1DFF) || (ch >= 0x20D0 && ch <= 0x20FF) || (ch >= 0xFE20 && ch <= 0xFE2F))
                return MENU_ASK;
            invalid = 1;
        }
    }
    if (invalid)
        return 0;
    /* an item: up to four words (menu_items.WORD, possessively), the first capitalised (or
       uncased) and no byline's, between spaces, dashes, apostrophes and "&" */
    int words = 0, titled = 1;
    Py_ssize_t i = p;
    while (i < b) {
        Py_UCS4 ch = CH(i);
        if (Py_UNICODE_ISALNUM(ch)) { /* no decimal digit here: a word starts */
            Py_ssize_t j = i + 1;
            int wide = ch > 0x7F, folds = menu_folds_to_ascii(ch);
            while (j < b) {
                Py_UCS4 c = CH(j);
                if (!(Py_UNICODE_ISALNUM(c) || c == '_' || c == '\'' || c == 0x2019 || c == '&' || c == '-'))
                    break;
                wide |= c > 0x7F;
                folds |= menu_folds_to_ascii(c);
                j++;
            }
            if (++words > MENU_ITEM_WORDS)
                return 0;
            /* a capital, or a letter of a script without case but Thai, Lao, Myanmar and Khmer
               (menu_items.capital, UNSPACED) */
            int upper = Py_UNICODE_ISALPHA(ch) && !Py_UNICODE_ISLOWER(ch) && !(ch >= 0x0E00 && ch <= 0x0EFF) &&
                        !(ch >= 0x1000 && ch <= 0x109F) && !(ch >= 0x1780 && ch <= 0x17FF);
            if (words == 1) {
                if (!upper)
                    return 0;
                if (folds)
                    return MENU_ASK;
                if (!wide && menu_byline_word(kind, data, i, j))
                    return 0;
            }
            if (j - i >= 4 && !upper)
                titled = 0;
            i = j;
        }
        else if (ch == '&') {
            if (++words > MENU_ITEM_WORDS || words == 1)
                return 0; /* "&" first is no capital */
            i++;
        }
        else if (ch == ' ' || ch == '-' || ch == '\'' || ch == 0x2019 || ch == '/')
            i++;
        else
            return 0; /* "_" outside a word */
    }
    return words ? (titled ? 1 | 16 : 1) : 0;
#undef CH
}

static PyObject *native_menu_kinds(PyObject *self, PyObject *lines)
{
    if (!PyList_Check(lines)) {
        PyErr_SetString(PyExc_TypeError, "menu_kinds() takes a list of str");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n);
    if (out == NULL)
        return NULL;
    char *kinds = PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        if (!PyUnicode_Check(line)) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_TypeError, "menu_kinds() takes a list of str");
            return NULL;
        }
        if (PyUnicode_READY(line) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        kinds[i] = (char)menu_kind(PyUnicode_KIND(line), PyUnicode_DATA(line), PyUnicode_GET_LENGTH(line));
    }
    return out;
}

PyDoc_STRVAR(short_key_runs_doc,
             "short_key_runs(keys, lines, longest, spaces) -> list[list[int]]\n\n"
             "The runs of two or more short keys (non-empty, at most longest characters, at most spaces\n"
             "spaces), in order, a run going on over lines whose key is empty and whose text is blank\n"
             "(see lintnews.native.py_short_key_runs).");

/* Whether a str is empty or all white space (str.strip() would leave nothing). */
static int is_blank(PyObject *line)
{
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    for (Py_ssize_t p = 0; p < n; p++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, p)))
            return 0;
    return 1;
}

static PyObject *native_short_key_runs(PyObject *self, PyObject *args)
{
    PyObject *keys, *lines;
    Py_ssize_t longest, spaces;
    if (!PyArg_ParseTuple(args, "O!O!nn", &PyList_Type, &keys, &PyList_Type, &lines, &longest, &spaces))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(keys);
    if (PyList_GET_SIZE(lines) < n) {
        PyErr_SetString(PyExc_ValueError, "short_key_runs() takes a line for every key");
        return NULL;
    }
    PyObject *runs = PyList_New(0), *run = PyList_New(0);
    if (runs == NULL || run == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i <= n; i++) {
        int breaks = i == n; /* (the end closes the last run) */
        if (i < n) {
            PyObject *key = PyList_GET_ITEM(keys, i), *line = PyList_GET_ITEM(lines, i);
            if (!PyUnicode_Check(key) || PyUnicode_READY(key) < 0 || !PyUnicode_Check(line) ||
                PyUnicode_READY(line) < 0) {
                PyErr_SetString(PyExc_TypeError, "short_key_runs() takes lists of str");
                goto fail;
            }
            Py_ssize_t len = PyUnicode_GET_LENGTH(key);
            if (len > 0 && len <= longest) {
                int kind = PyUnicode_KIND(key);
                const void *data = PyUnicode_DATA(key);
                Py_ssize_t count = 0;
                for (Py_ssize_t p = 0; p < len && count <= spaces; p++)
                    count += PyUnicode_READ(kind, data, p) == ' ';
                if (count <= spaces) {
                    if (append_number(run, i) < 0)
                        goto fail;
                    continue;
                }
            }
            breaks = len > 0 || !is_blank(line);
        }
        if (!breaks)
            continue;
        if (PyList_GET_SIZE(run) >= 2) {
            if (PyList_Append(runs, run) < 0)
                goto fail;
            Py_SETREF(run, PyList_New(0));
            if (run == NULL)
                goto fail;
        }
        else if (PyList_GET_SIZE(run) > 0 && PyList_SetSlice(run, 0, PyList_GET_SIZE(run), NULL) < 0)
            goto fail;
    }
    Py_DECREF(run);
    return runs;
fail:
    Py_XDECREF(run);
    Py_XDECREF(runs);
    return NULL;
}

/* end s32-chrome */
/* s32-phrase: the phrase screen's first pass ------------------------------------------------ */

PyDoc_STRVAR(key_screen_doc,
             "key_screen(heads, firsts, needles, everything) -> screen\n\n"
             "What maybe_keys tests each line key against, made once: heads (non-empty str: a key\n"
             "starting with one may pass), firsts (a str: characters), needles (str) and whether\n"
             "every key may pass (see lintnews.packs.first_pass.py_key_screen).");

#define KS_PAIRS 4096 /* the needles' first two characters, hashed to this many chains */

/* Code points (each + 1: never 0) in an open-addressing set, so that a key's first character is
 * looked up without making a str of it. */
typedef struct {
    uint64_t *slots; /* 0: empty */
    Py_ssize_t mask;
} ks_set;

/* s43-kernel: the heads as a trie, so that a key is admitted when one of them is a prefix of it,
 * whatever their lengths: node 0 is the root, an edge (node, character) is the code
 * (node << 21 | character) + 1, kept with its child (child << KT_CODE_BITS | code) in an
 * open-addressing table, and a node ends a head or not. A key walks it from its first character
 * and stops at the first character no edge follows (most keys: at the first or second). */
#define KT_CODE_BITS 42 /* nodes below 2 ** 21, children below 2 ** 22 */
#define KT_CODE_MASK ((1ull << KT_CODE_BITS) - 1)
#define KT_MAX_NODES (1 << 21)
typedef struct {
    uint64_t *slots; /* 0: empty */
    uint8_t *ends;   /* per node: whether a head ends there */
    Py_ssize_t mask, nodes;
    int32_t ascii[128]; /* the root's children by an ASCII character, or -1 (not in the table) */
} ks_trie;

typedef struct {
    ks_trie heads;
    ks_set firsts;
    int everything;
    Py_ssize_t needles;
    Py_UCS4 **needle; /* each needle's code points */
    Py_ssize_t *needle_len;
    Py_ssize_t *next;           /* the next needle of the same chain, or -1 */
    Py_ssize_t chain[KS_PAIRS]; /* the first needle of each chain of two-character starts, or -1 */
    uint8_t pair_bits[KS_PAIRS / 8]; /* which chains hold a needle (tested first: 512 bytes) */
    uint8_t single_bits[0x10000 / 8]; /* the needles of one character of the Basic Multilingual Plane */
    Py_UCS4 *singles;                 /* all needles of one character */
    Py_ssize_t nsingles;
} key_screen;

static inline uint64_t ks_mix(uint64_t code) { return (code * 0x9E3779B97F4A7C15ull) >> 20; }


static inline int ks_has(const ks_set *set, uint64_t code)
{
    for (Py_ssize_t j = (Py_ssize_t)(ks_mix(code) & (uint64_t)set->mask); set->slots[j] != 0; j = (j + 1) & set->mask)
        if (set->slots[j] == code)
            return 1;
    return 0;
}

static int ks_set_init(ks_set *set, Py_ssize_t count)
{
    set->mask = 15;
    while (set->mask + 1 < 2 * count)
        set->mask = 2 * set->mask + 1;
    set->slots = PyMem_Calloc((size_t)set->mask + 1, sizeof(uint64_t));
    if (set->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void ks_set_add(ks_set *set, uint64_t code)
{
    Py_ssize_t j = (Py_ssize_t)(ks_mix(code) & (uint64_t)set->mask);
    for (; set->slots[j] != 0; j = (j + 1) & set->mask)
        if (set->slots[j] == code)
            return;
    set->slots[j] = code;
}

static inline Py_ssize_t ks_pair(Py_UCS4 a, Py_UCS4 b) { return (Py_ssize_t)((a * 31u + b) & (KS_PAIRS - 1)); }

/* s43-kernel: the trie of heads (ks_trie). The child of node by ch, or -1. */
static inline int32_t ks_trie_child(const ks_trie *trie, int32_t node, Py_UCS4 ch)
{
    if (node == 0 && ch < 128)
        return trie->ascii[ch];
    uint64_t code = (((uint64_t)node << 21) | ch) + 1;
    for (Py_ssize_t j = (Py_ssize_t)(ks_mix(code) & (uint64_t)trie->mask); trie->slots[j] != 0; j = (j + 1) & trie->mask)
        if ((trie->slots[j] & KT_CODE_MASK) == code)
            return (int32_t)(trie->slots[j] >> KT_CODE_BITS);
    return -1;
}

/* Put an edge's slot (child << KT_CODE_BITS | code) in a table of mask + 1 slots. */
static void ks_trie_put(uint64_t *slots, Py_ssize_t mask, uint64_t slot)
{
    Py_ssize_t j = (Py_ssize_t)(ks_mix(slot & KT_CODE_MASK) & (uint64_t)mask);
    while (slots[j] != 0)
        j = (j + 1) & mask;
    slots[j] = slot;
}

/* An empty trie (the root alone) of room for up to count nodes (the heads' characters); -1 with
 * an exception set. The table of edges (but the root's by ASCII characters) starts small and
 * doubles when half full: the heads of a union of screens share most of their first
 * characters (~4,400 nodes for 9,500 characters of German, English and "*" heads). */
static int ks_trie_init(ks_trie *trie, Py_ssize_t count)
{
    for (int c = 0; c < 128; c++)
        trie->ascii[c] = -1;
    if (count >= KT_MAX_NODES) {
        PyErr_SetString(PyExc_ValueError, "key_screen() heads are too long");
        return -1;
    }
    trie->mask = 255;
    trie->nodes = 1;
    trie->slots = PyMem_Calloc((size_t)trie->mask + 1, sizeof(uint64_t));
    trie->ends = PyMem_Calloc((size_t)count + 1, sizeof(uint8_t));
    if (trie->slots == NULL || trie->ends == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

/* Double the table of edges; -1 with MemoryError set. */
static int ks_trie_grow(ks_trie *trie)
{
    Py_ssize_t mask = 2 * trie->mask + 1;
    uint64_t *slots = PyMem_Calloc((size_t)mask + 1, sizeof(uint64_t));
    if (slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i <= trie->mask; i++)
        if (trie->slots[i] != 0)
            ks_trie_put(slots, mask, trie->slots[i]);
    PyMem_Free(trie->slots);
    trie->slots = slots;
    trie->mask = mask;
    return 0;
}

/* Add the head data[0:len] (len >= 1; the trie has room for its nodes); -1 with MemoryError set. */
static int ks_trie_add(ks_trie *trie, int kind, const void *data, Py_ssize_t len)
{
    int32_t node = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int32_t next = ks_trie_child(trie, node, ch);
        if (next < 0 && node == 0 && ch < 128) {
            next = trie->ascii[ch] = (int32_t)trie->nodes++;
        }
        else if (next < 0) {
            /* (at most an edge in two slots: the walks that fail, most of them, stay short) */
            if (2 * (trie->nodes + 1) > trie->mask + 1 && ks_trie_grow(trie) < 0)
                return -1;
            next = (int32_t)trie->nodes++;
            ks_trie_put(trie->slots, trie->mask, ((uint64_t)next << KT_CODE_BITS) | ((((uint64_t)node << 21) | ch) + 1));
        }
        node = next;
    }
    trie->ends[node] = 1;
    return 0;
}

static void key_screen_free(key_screen *ks)
{
    if (ks == NULL)
        return;
    PyMem_Free(ks->heads.slots);
    PyMem_Free(ks->heads.ends);
    PyMem_Free(ks->firsts.slots);
    for (Py_ssize_t i = 0; ks->needle != NULL && i < ks->needles; i++)
        PyMem_Free(ks->needle[i]);
    PyMem_Free(ks->needle);
    PyMem_Free(ks->needle_len);
    PyMem_Free(ks->next);
    PyMem_Free(ks->singles);
    PyMem_Free(ks);
}

static void key_screen_capsule_free(PyObject *capsule)
{
    key_screen_free(PyCapsule_GetPointer(capsule, "lintnews._native.key_screen"));
}

static PyObject *native_key_screen(PyObject *self, PyObject *args)
{
    PyObject *heads, *firsts, *needles;
    int everything;
    if (!PyArg_ParseTuple(args, "O!UO!p", &PyTuple_Type, &heads, &firsts, &PyTuple_Type, &needles, &everything))
        return NULL;
    key_screen *ks = PyMem_Calloc(1, sizeof(key_screen));
    if (ks == NULL)
        return PyErr_NoMemory();
    ks->everything = everything;
    Py_ssize_t nh = PyTuple_GET_SIZE(heads), nf = PyUnicode_GET_LENGTH(firsts), nn = PyTuple_GET_SIZE(needles);
    Py_ssize_t edges = 0;
    for (Py_ssize_t i = 0; i < nh; i++) {
        PyObject *head = PyTuple_GET_ITEM(heads, i);
        if (!PyUnicode_Check(head) || PyUnicode_GET_LENGTH(head) < 1) {
            PyErr_SetString(PyExc_ValueError, "key_screen() heads must be non-empty str");
            goto fail;
        }
        edges += PyUnicode_GET_LENGTH(head);
    }
    if (ks_trie_init(&ks->heads, edges) < 0 || ks_set_init(&ks->firsts, nf) < 0)
        goto fail;
    for (Py_ssize_t i = 0; i < nh; i++) {
        PyObject *head = PyTuple_GET_ITEM(heads, i);
        if (ks_trie_add(&ks->heads, PyUnicode_KIND(head), PyUnicode_DATA(head), PyUnicode_GET_LENGTH(head)) < 0)
            goto fail;
    }
    for (Py_ssize_t i = 0; i < nf; i++)
        ks_set_add(&ks->firsts, (uint64_t)PyUnicode_READ_CHAR(firsts, i) + 1);
    for (Py_ssize_t p = 0; p < KS_PAIRS; p++)
        ks->chain[p] = -1;
    ks->needle = PyMem_Calloc((size_t)(nn > 0 ? nn : 1), sizeof(Py_UCS4 *));
    ks->needle_len = PyMem_Calloc((size_t)(nn > 0 ? nn : 1), sizeof(Py_ssize_t));
    ks->next = PyMem_Calloc((size_t)(nn > 0 ? nn : 1), sizeof(Py_ssize_t));
    ks->singles = PyMem_Calloc((size_t)(nn > 0 ? nn : 1), sizeof(Py_UCS4));
    if (ks->needle == NULL || ks->needle_len == NULL || ks->next == NULL || ks->singles == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    ks->needles = nn;
    for (Py_ssize_t i = 0; i < nn; i++) {
        PyObject *needle = PyTuple_GET_ITEM(needles, i);
        if (!PyUnicode_Check(needle)) {
            PyErr_SetString(PyExc_TypeError, "key_screen() needles must be str");
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(needle);
        ks->needle_len[i] = len;
        ks->next[i] = -1;
        if (len == 0) { /* in every key */
            ks->everything = 1;
            continue;
        }
        if ((ks->needle[i] = PyUnicode_AsUCS4Copy(needle)) == NULL)
            goto fail;
        Py_UCS4 first = ks->needle[i][0];
        if (len == 1) {
            ks->singles[ks->nsingles++] = first;
            if (first < 0x10000)
                ks->single_bits[first >> 3] |= (uint8_t)(1u << (first & 7));
            continue;
        }
        Py_ssize_t p = ks_pair(first, ks->needle[i][1]);
        ks->next[i] = ks->chain[p];
        ks->chain[p] = i;
        ks->pair_bits[p >> 3] |= (uint8_t)(1u << (p & 7));
    }
    PyObject *capsule = PyCapsule_New(ks, "lintnews._native.key_screen", key_screen_capsule_free);
    if (capsule == NULL)
        goto fail;
    return capsule;
fail:
    key_screen_free(ks);
    return NULL;
}

static int ks_single(const key_screen *ks, Py_UCS4 ch)
{
    for (Py_ssize_t s = 0; s < ks->nsingles; s++)
        if (ks->singles[s] == ch)
            return 1;
    return 0;
}

/* Whether the key data[0:n] (of width T) may pass: its first characters, or a needle in it. */
/* In a loop over i of src[0..n) with ch = src[i]: the needles of two characters or more that
 * start at i (found from the pair src[i], src[i + 1] and its chain), each hit running ON_HIT with
 * k its needle; ends the loop at the last character. KS_MAY_PASS and key_needles' KN_FIND both
 * walk the needles so, with another action on a hit. */
#define KS_CHAIN_HITS(src, n, i, ch, ON_HIT)                                                       \
    if (i + 1 >= n)                                                                                \
        break;                                                                                     \
    Py_ssize_t p = ks_pair(ch, src[i + 1]);                                                        \
    if (!((ks->pair_bits[p >> 3] >> (p & 7)) & 1))                                                 \
        continue;                                                                                  \
    for (Py_ssize_t k = ks->chain[p]; k >= 0; k = ks->next[k]) {                                   \
        Py_ssize_t len = ks->needle_len[k];                                                        \
        if (len > n - i)                                                                           \
            continue;                                                                              \
        const Py_UCS4 *needle = ks->needle[k];                                                     \
        Py_ssize_t m = 0;                                                                          \
        while (m < len && needle[m] == src[i + m])                                                 \
            m++;                                                                                   \
        if (m == len)                                                                              \
            ON_HIT;                                                                                \
    }

#define KS_MAY_PASS(T)                                                                             \
    static int ks_may_pass_##T(const key_screen *ks, const T *src, Py_ssize_t n)                 \
    {                                                                                              \
        if (ks_has(&ks->firsts, (uint64_t)src[0] + 1))                                             \
            return 1;                                                                              \
        int32_t node = 0;                                                                          \
        for (Py_ssize_t i = 0; i < n && (node = ks_trie_child(&ks->heads, node, src[i])) >= 0; i++) \
            if (ks->heads.ends[node])                                                              \
                return 1;                                                                          \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch < 0x10000 ? (ks->single_bits[ch >> 3] >> (ch & 7)) & 1 : ks_single(ks, ch))    \
                return 1;                                                                          \
            KS_CHAIN_HITS(src, n, i, ch, return 1)                                                 \
        }                                                                                          \
        return 0;                                                                                  \
    }
KS_MAY_PASS(Py_UCS1)
KS_MAY_PASS(Py_UCS2)
KS_MAY_PASS(Py_UCS4)
#undef KS_MAY_PASS

PyDoc_STRVAR(maybe_keys_doc,
             "maybe_keys(screen, keys, longest) -> list[int]\n\n"
             "The indices of the keys of 1 to longest characters that screen (key_screen) may let\n"
             "through: every such key when it was made with everything, else those that start\n"
             "with one of its heads, whose first character is one of its firsts, or that hold one\n"
             "of its needles (see\n"
             "lintnews.packs.first_pass.py_maybe_keys).");

/* Whether the first pass admits key (a str of 1 to longest characters, see maybe_keys): 1 or
 * 0, or -1 with TypeError set when key is no str (fname: the kernel to name). maybe_keys and
 * screen_keys both ask it. */
static int ks_admits(const key_screen *ks, PyObject *key, Py_ssize_t longest, const char *fname)
{
    if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "%s() keys must be str", fname);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(key);
    if (n == 0 || n > longest)
        return 0;
    if (ks->everything)
        return 1;
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    if (kind == PyUnicode_1BYTE_KIND)
        return ks_may_pass_Py_UCS1(ks, data, n) != 0;
    if (kind == PyUnicode_2BYTE_KIND)
        return ks_may_pass_Py_UCS2(ks, data, n) != 0;
    return ks_may_pass_Py_UCS4(ks, data, n) != 0;
}

static PyObject *native_maybe_keys(PyObject *self, PyObject *args)
{
    PyObject *capsule, *keys;
    Py_ssize_t longest;
    if (!PyArg_ParseTuple(args, "OO!n", &capsule, &PyList_Type, &keys, &longest))
        return NULL;
    const key_screen *ks = PyCapsule_GetPointer(capsule, "lintnews._native.key_screen");
    if (ks == NULL)
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(keys); j++) {
        int may = ks_admits(ks, PyList_GET_ITEM(keys, j), longest, "maybe_keys");
        if (may < 0)
            goto fail;
        if (may) {
            PyObject *at = PyLong_FromSsize_t(j);
            if (at == NULL || PyList_Append(out, at) < 0) {
                Py_XDECREF(at);
                goto fail;
            }
            Py_DECREF(at);
        }
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

PyDoc_STRVAR(all_in_doc,
             "all_in(text, table) -> bool\n\n"
             "Whether every character of text has a non-zero byte in table (bytes indexed by code\n"
             "point; a character past its end has none): one pass, where a test per character in\n"
             "Python costs a hundred times more (see lintnews.native.py_all_in).");

static PyObject *native_all_in(PyObject *self, PyObject *args)
{
    PyObject *text;
    Py_buffer table;
    if (!PyArg_ParseTuple(args, "Uy*", &text, &table))
        return NULL;
    const uint8_t *in = table.buf;
    const Py_UCS4 size = table.len > 0x110000 ? 0x110000 : (Py_UCS4)table.len;
    int kind = PyUnicode_KIND(text), all = 1;
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
#define ALL_IN(T)                                                                                  \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch >= size || !in[ch]) {                                                           \
                all = 0;                                                                           \
                break;                                                                             \
            }                                                                                      \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        ALL_IN(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        ALL_IN(Py_UCS2)
    else
        ALL_IN(Py_UCS4)
#undef ALL_IN
    PyBuffer_Release(&table);
    return PyBool_FromLong(all);
}

/* end s32-phrase */

/* s39-scripts: letters per script ------------------------------------------------------------ */

PyDoc_STRVAR(letters_by_table_doc,
             "letters_by_table(text, table, groups) -> list[int]\n\n"
             "How many letters (str.isalpha) of text fall in each of groups groups (1 to 256): a\n"
             "character's group is table[code point >> 4] (0, or groups or more: counted nowhere; a\n"
             "character past the table's end has none). One pass over text, ASCII runs skipped a\n"
             "vector at a time when no group holds an ASCII character\n"
             "(lintnews.language_scripts.py_letters_by_table).");

static PyObject *native_letters_by_table(PyObject *self, PyObject *args)
{
    PyObject *text;
    Py_buffer table;
    Py_ssize_t groups;
    if (!PyArg_ParseTuple(args, "Uy*n", &text, &table, &groups))
        return NULL;
    if (groups < 1 || groups > 256) {
        PyBuffer_Release(&table);
        PyErr_SetString(PyExc_ValueError, "letters_by_table() takes 1 to 256 groups");
        return NULL;
    }
    const uint8_t *in = table.buf;
    const Py_ssize_t size = table.len > (0x110000 >> 4) ? (0x110000 >> 4) : table.len;
    /* (the rows of U+0000-U+00FF: a text of one byte a character with no group there has no
     * letter in any, and one with none in U+0000-U+007F skips its ASCII runs) */
    int ascii_grouped = 0, latin1_grouped = 0;
    for (Py_ssize_t j = 0; j < size && j < 0x10; j++)
        if (in[j]) {
            ascii_grouped |= j < 0x8;
            latin1_grouped = 1;
        }
    Py_ssize_t counts[256] = {0}; /* (a group of 256 or more is counted and dropped) */
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
#define LETTERS_BY_TABLE(T)                                                                        \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch < 0x80 && !ascii_grouped) {                                                     \
                /* (a vector read for a run of two or more: a space between words is one) */      \
                if (i + 1 >= n || src[i + 1] >= 0x80)                                              \
                    continue;                                                                      \
                i = ascii_run_##T(src, i, n);                                                      \
                if (i >= n || (ch = src[i]) < 0x80)                                                \
                    continue;                                                                      \
            }                                                                                      \
            Py_ssize_t at = (Py_ssize_t)(ch >> 4);                                                 \
            if (at < size && in[at] &&                                                             \
                (ch < 0x10000 ? (bmp_props[ch] & PROP_ALPHA) != 0 : Py_UNICODE_ISALPHA(ch)))       \
                counts[in[at]]++;                                                                  \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        if (latin1_grouped)
            LETTERS_BY_TABLE(Py_UCS1)
    }
    else if (kind == PyUnicode_2BYTE_KIND)
        LETTERS_BY_TABLE(Py_UCS2)
    else
        LETTERS_BY_TABLE(Py_UCS4)
#undef LETTERS_BY_TABLE
    PyBuffer_Release(&table);
    return ssize_list(counts, groups);
}

/* end s39-scripts */

/* s33-phrase: the phrase screen's kept answers and needles, read by the first pass ---------- */

PyDoc_STRVAR(screen_keys_doc,
             "screen_keys(screen, keys, longest, kept) -> (list[int], list[int])\n\n"
             "maybe_keys(screen, keys, longest), split by the answers kept in the dict kept (line\n"
             "key -> whether it passes): the indices of the admitted keys kept as passing, and\n"
             "those of the admitted keys kept under no answer (see\n"
             "lintnews.packs.first_pass.py_screen_keys).");

static PyObject *native_screen_keys(PyObject *self, PyObject *args)
{
    PyObject *capsule, *keys, *kept;
    Py_ssize_t longest;
    if (!PyArg_ParseTuple(args, "OO!nO!", &capsule, &PyList_Type, &keys, &longest, &PyDict_Type, &kept))
        return NULL;
    const key_screen *ks = PyCapsule_GetPointer(capsule, "lintnews._native.key_screen");
    if (ks == NULL)
        return NULL;
    PyObject *passing = PyList_New(0), *fresh = PyList_New(0);
    if (passing == NULL || fresh == NULL)
        goto fail;
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(keys); j++) {
        PyObject *key = PyList_GET_ITEM(keys, j);
        int may = ks_admits(ks, key, longest, "screen_keys");
        if (may < 0)
            goto fail;
        if (!may)
            continue;
        PyObject *answer = PyDict_GetItemWithError(kept, key), *into = fresh;
        if (answer != NULL) {
            int passes = PyObject_IsTrue(answer);
            if (passes < 0)
                goto fail;
            if (!passes)
                continue;
            into = passing;
        }
        else if (PyErr_Occurred())
            goto fail;
        PyObject *at = PyLong_FromSsize_t(j);
        if (at == NULL || PyList_Append(into, at) < 0) {
            Py_XDECREF(at);
            goto fail;
        }
        Py_DECREF(at);
    }
    return Py_BuildValue("(NN)", passing, fresh);
fail:
    Py_XDECREF(passing);
    Py_XDECREF(fresh);
    return NULL;
}

PyDoc_STRVAR(key_needles_doc,
             "key_needles(screen, key) -> tuple[int, ...]\n\n"
             "The indices (ascending) of the needles of screen (key_screen) that key holds (see\n"
             "lintnews.packs.first_pass.py_key_needles).");

#define KN_FIND(T)                                                                                 \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch < 0x10000 ? (ks->single_bits[ch >> 3] >> (ch & 7)) & 1 : ks_single(ks, ch))    \
                for (Py_ssize_t k = 0; k < ks->needles; k++)                                       \
                    if (ks->needle_len[k] == 1 && ks->needle[k][0] == ch)                          \
                        seen[k >> 3] |= (uint8_t)(1u << (k & 7));                                  \
            KS_CHAIN_HITS(src, n, i, ch, seen[k >> 3] |= (uint8_t)(1u << (k & 7)))                  \
        }                                                                                          \
    }

static PyObject *native_key_needles(PyObject *self, PyObject *args)
{
    PyObject *capsule, *key;
    if (!PyArg_ParseTuple(args, "OU", &capsule, &key))
        return NULL;
    const key_screen *ks = PyCapsule_GetPointer(capsule, "lintnews._native.key_screen");
    if (ks == NULL)
        return NULL;
    uint8_t local[128], *seen = local; /* a bit per needle */
    size_t bytes = (size_t)(ks->needles + 7) / 8;
    if (bytes > sizeof local && (seen = PyMem_Malloc(bytes)) == NULL)
        return PyErr_NoMemory();
    memset(seen, 0, bytes);
    Py_ssize_t n = PyUnicode_GET_LENGTH(key);
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    if (kind == PyUnicode_1BYTE_KIND)
        KN_FIND(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        KN_FIND(Py_UCS2)
    else
        KN_FIND(Py_UCS4)
    /* (a byte at a time, bits of a non-zero byte only: most keys hold none of the hundreds of
     * needles, and a test of every bit cost ~3,000 instructions a call) */
    Py_ssize_t count = 0;
    for (size_t b = 0; b < bytes; b++)
        for (unsigned bits = seen[b]; bits != 0; bits &= bits - 1)
            count++;
    PyObject *out = PyTuple_New(count);
    for (size_t b = 0, at = 0; out != NULL && at < (size_t)count && b < bytes; b++) {
        for (unsigned bits = seen[b]; bits != 0 && out != NULL; bits &= bits - 1) {
            PyObject *index = PyLong_FromSsize_t((Py_ssize_t)(b * 8) + __builtin_ctz(bits));
            if (index == NULL)
                Py_CLEAR(out);
            else
                PyTuple_SET_ITEM(out, (Py_ssize_t)at++, index);
        }
    }
    if (seen != local)
        PyMem_Free(seen);
    return out;
}
#undef KN_FIND

/* end s33-phrase */

/* s32-rules: characters of a set beside others (F005's mojibake screen) ------------------- */

PyDoc_STRVAR(chars_beside_doc,
             "chars_beside(text, chars, alone, beside) -> list[int]\n\n"
             "The offsets i (ascending) of the characters text[i] of chars that are in alone, or\n"
             "next to a character of beside (text[i - 1] or text[i + 1]). Each set is a bitmap of\n"
             "the Basic Multilingual Plane: bytes of 8192, bit (c & 7) of byte c >> 3 for character\n"
             "c. One pass over text, where a regex character class with look-arounds costs several\n"
             "times more (see lintnews.native.py_chars_beside).");

static inline int bmp_bit(const uint8_t *bits, Py_UCS4 ch)
{
    return ch <= 0xFFFF && (bits[ch >> 3] >> (ch & 7) & 1);
}

static PyObject *native_chars_beside(PyObject *self, PyObject *args)
{
    PyObject *text;
    Py_buffer sets[3];
    if (!PyArg_ParseTuple(args, "Uy*y*y*", &text, &sets[0], &sets[1], &sets[2]))
        return NULL;
    PyObject *found = NULL;
    for (int s = 0; s < 3; s++)
        if (sets[s].len != 0x10000 / 8) {
            PyErr_SetString(PyExc_ValueError, "chars_beside() takes bitmaps of 8192 bytes");
            goto done;
        }
    if (PyUnicode_READY(text) < 0)
        goto done;
    const uint8_t *chars = sets[0].buf, *alone = sets[1].buf, *beside = sets[2].buf;
    /* s41-cost: when chars holds no ASCII character (F005's sets hold none), the ASCII runs of
     * the text are passed over a vector at a time (ascii_run_T): nearly all of a text in a
     * Latin script, where a character at a time cost 0.7 % of a run's instructions. */
    int skip_ascii = 1;
    for (int b = 0; b < 16; b++)
        skip_ascii &= chars[b] == 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    found = PyList_New(0);
    if (found == NULL)
        goto done;
#define CHARS_BESIDE(T)                                                                            \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        for (Py_ssize_t i = 0; i < n; i++) {                                                       \
            Py_UCS4 ch = src[i];                                                                   \
            if (!bmp_bit(chars, ch)) {                                                             \
                if (ch < 128 && skip_ascii) {                                                      \
                    Py_ssize_t past = ascii_run_##T(src, i, n);                                    \
                    if (past > i)                                                                  \
                        i = past - 1;                                                              \
                }                                                                                  \
                continue;                                                                          \
            }                                                                                      \
            if (bmp_bit(alone, ch) || (i > 0 && bmp_bit(beside, src[i - 1])) ||                    \
                (i + 1 < n && bmp_bit(beside, src[i + 1]))) {                                      \
                PyObject *at = PyLong_FromSsize_t(i);                                              \
                int failed = at == NULL || PyList_Append(found, at) < 0;                           \
                Py_XDECREF(at);                                                                    \
                if (failed) {                                                                      \
                    Py_CLEAR(found);                                                               \
                    goto done;                                                                     \
                }                                                                                  \
            }                                                                                      \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        CHARS_BESIDE(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        CHARS_BESIDE(Py_UCS2)
    else
        CHARS_BESIDE(Py_UCS4)
#undef CHARS_BESIDE
done:
    for (int s = 0; s < 3; s++)
        PyBuffer_Release(&sets[s]);
    return found;
}

/* s32-rules end ---------------------------------------------------------------------------- */

/* s33-chrome: marks glued between words (F001's screen, lintnews/glued_marks.py) ----------- */

PyDoc_STRVAR(glued_lines_doc,
             "glued_lines(text, marks) -> list[int]\n\n"
             "The numbers (ascending) of the lines of text (text.split(\"\\n\")) that hold a character\n"
             "of marks (ASCII, no line break) with two letters right before it and two right after\n"
             "it (a letter: a word character of re other than a digit or the underscore, [^\\W\\d_]).\n"
             "One pass over the text, the letters tested only around the marks (see\n"
             "lintnews.glued_marks.py_glued_lines).");

/* [^\W\d_] of re for str: \w is str.isalnum() or the underscore, \d str.isdecimal(). */
static inline int is_re_letter(Py_UCS4 ch)
{
    return is_alnum(ch) && !is_decimal(ch);
}

static PyObject *native_glued_lines(PyObject *self, PyObject *args)
{
    PyObject *text, *marks;
    if (!PyArg_ParseTuple(args, "UU", &text, &marks))
        return NULL;
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(marks) < 0)
        return NULL;
    /* what a character below 128 is: 1 a mark, 2 the line break */
    uint8_t what[128] = {0};
    for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(marks); j++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(marks, j);
        if (ch >= 128 || ch == '\n') {
            PyErr_SetString(PyExc_ValueError, "glued_lines() takes ASCII marks, no line break");
            return NULL;
        }
        what[ch] = 1;
    }
    what['\n'] = 2;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), line = 0;
    int hit = 0; /* the line has been found: its other marks are passed over */
#define GLUED_LINES(T)                                                                             \
    {                                                                                              \
        const T *s = (const T *)data;                                                              \
        for (Py_ssize_t p = 0; p < n; p++) {                                                       \
            Py_UCS4 ch = s[p];                                                                     \
            if (ch >= 128 || what[ch] == 0)                                                        \
                continue;                                                                          \
            if (what[ch] == 2) {                                                                   \
                line++;                                                                            \
                hit = 0;                                                                           \
            }                                                                                      \
            else if (!hit && p >= 2 && p + 2 < n && is_re_letter(s[p + 1]) && is_re_letter(s[p + 2]) && \
                     is_re_letter(s[p - 1]) && is_re_letter(s[p - 2])) {                           \
                hit = 1;                                                                           \
                if (append_number(found, line) < 0) {                                              \
                    Py_DECREF(found);                                                              \
                    return NULL;                                                                   \
                }                                                                                  \
            }                                                                                      \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        GLUED_LINES(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        GLUED_LINES(Py_UCS2)
    else
        GLUED_LINES(Py_UCS4)
#undef GLUED_LINES
    return found;
}

/* end s33-chrome --------------------------------------------------------------------------- */
/* s33-lang: a document's normalised lines and its stop-word profile in one pass -------------- */

/* s41b-cost: normalized_counts's words, copied a vector at a time. From src[*i] (at a word's
 * first character, with 16 characters or more left), its leading ASCII letters and digits
 * (those of the next 16 characters) are copied to dst[*len] on (the 16 are written: the output,
 * never longer than the input read, has room), *i and *len moved past them, and 0x7F or'ed into
 * *most (str_of picks the width from *most's thresholds, 0x80, 0x100 and 0x10000, which no or
 * with 0x7F crosses); how many they are. The caller's loop of a character at a time reads on
 * from there (a letter of another script, or the 17th, goes on the word). */
#if defined(__SSE2__)
static inline __m128i ascii_alnum_bytes(__m128i x)
{
    return _mm_or_si128(_mm_or_si128(bytes_within(x, 'a', 'z'), bytes_within(x, 'A', 'Z')), bytes_within(x, '0', '9'));
}

static inline Py_ssize_t alnum_prefix_Py_UCS1(const Py_UCS1 *src, Py_ssize_t *i, Py_ssize_t n, Py_UCS1 *dst,
                                              Py_ssize_t *len, Py_UCS4 *most)
{
    if (*i + 16 > n)
        return 0;
    __m128i x = _mm_loadu_si128((const __m128i *)(src + *i));
    /* (bytes from 0x80 are negative to the signed comparisons: never within a range) */
    Py_ssize_t k = __builtin_ctz(~(unsigned)_mm_movemask_epi8(ascii_alnum_bytes(x)));
    _mm_storeu_si128((__m128i *)(dst + *len), x);
    *i += k;
    *len += k;
    *most |= k ? 0x7F : 0;
    return k;
}

static inline Py_ssize_t alnum_prefix_Py_UCS2(const Py_UCS2 *src, Py_ssize_t *i, Py_ssize_t n, Py_UCS2 *dst,
                                              Py_ssize_t *len, Py_UCS4 *most)
{
    if (*i + 16 > n)
        return 0;
    __m128i a = _mm_loadu_si128((const __m128i *)(src + *i)), b = _mm_loadu_si128((const __m128i *)(src + *i + 8));
    /* (packed with signed saturation: a character from 0x80 becomes 0x7F or above, or below 0:
     * none is within a range; 0x7F is not alphanumeric) */
    __m128i x = _mm_packs_epi16(a, b);
    Py_ssize_t k = __builtin_ctz(~(unsigned)_mm_movemask_epi8(ascii_alnum_bytes(x)));
    _mm_storeu_si128((__m128i *)(dst + *len), a);
    _mm_storeu_si128((__m128i *)(dst + *len + 8), b);
    *i += k;
    *len += k;
    *most |= k ? 0x7F : 0;
    return k;
}
#else
static inline Py_ssize_t alnum_prefix_Py_UCS1(const Py_UCS1 *src, Py_ssize_t *i, Py_ssize_t n, Py_UCS1 *dst,
                                              Py_ssize_t *len, Py_UCS4 *most)
{
    return 0;
}
static inline Py_ssize_t alnum_prefix_Py_UCS2(const Py_UCS2 *src, Py_ssize_t *i, Py_ssize_t n, Py_UCS2 *dst,
                                              Py_ssize_t *len, Py_UCS4 *most)
{
    return 0;
}
#endif
static inline Py_ssize_t alnum_prefix_Py_UCS4(const Py_UCS4 *src, Py_ssize_t *i, Py_ssize_t n, Py_UCS4 *dst,
                                              Py_ssize_t *len, Py_UCS4 *most)
{
    return 0;
}

PyDoc_STRVAR(normalized_counts_doc,
             "normalized_counts(text, vocabulary, sample) -> (lines, counts, words, numbers)\n\n"
             "normalized_lines(text), and count_words of those lines joined by line breaks, the\n"
             "joined text cut at its first line break at or after sample - 1 (when it is sample\n"
             "characters or longer): lintnews.language.py_normalized_counts. One pass over text,\n"
             "where the two kernels read it and the lines again, and a join copied them.");

/* normalized_counts's pass (s44-kernel: shared with normalized_scores): the normalised lines of
 * text (a new list), the counts of the vocabulary's indices into counts (width of them, zeroed by
 * the caller; an index of width or more is a ValueError), the words and the numbers among them;
 * NULL with an exception set on failure. */
static PyObject *normalized_pass(PyObject *text, const vocab_table *vt, Py_ssize_t sample, Py_ssize_t *counts,
                                 Py_ssize_t width, Py_ssize_t *words_out, Py_ssize_t *numbers_out)
{
    const vocab_slot *table = vt->table;
    const Py_ssize_t mask = vt->mask, longest = vt->longest;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *lines = PyList_New(0);
    /* Output characters are input characters or spaces: a buffer of the input's kind holds any line. */
    char *buf = PyMem_Malloc((size_t)(n > 0 ? n : 1) * (size_t)kind);
    if (lines == NULL || buf == NULL) {
        if (lines != NULL)
            PyErr_NoMemory();
        goto fail;
    }
    /* i: where the next line starts in text; at: where it starts in the lines joined by line
     * breaks; sampling: whether it is in the sample (no line before it ended at or after
     * sample - 1, where the joined text is cut). */
    Py_ssize_t i = 0, at = 0, words = 0, numbers = 0;
    int sampling = 1;
    for (;;) {
        Py_ssize_t len = 0;
        Py_UCS4 most = 0; /* (the line's characters or'ed: str_of) */
        /* the normalised line (runs of alphanumeric characters joined by single spaces), a
         * word copied by a loop that tests nothing else; then, while sampling, count_words's
         * per word, over the word written: whether it is all digits (tested until a character is
         * not), and for a word no longer than the longest of the vocabulary its hash and look-up. */
#define NORMALIZE_COUNT(T)                                                                         \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        T *dst = (T *)buf;                                                                         \
        while (i < n) {                                                                            \
            Py_UCS4 ch = src[i];                                                                   \
            if (ch == '\n')                                                                        \
                break;                                                                             \
            if (!is_alnum(ch)) {                                                               \
                i++;                                                                               \
                continue;                                                                          \
            }                                                                                      \
            if (len)                                                                               \
                dst[len++] = ' ';                                                                  \
            const Py_ssize_t start = len;                                                          \
            if (alnum_prefix_##T(src, &i, n, dst, &len, &most) && !(i < n && is_alnum(ch = src[i]))) \
                goto counted_##T;                                                                  \
            do {                                                                                   \
                dst[len++] = (T)ch;                                                                \
                most |= ch;                                                                        \
            } while (++i < n && is_alnum(ch = src[i]));                                            \
        counted_##T:                                                                               \
            if (!sampling)                                                                         \
                continue;                                                                          \
            const T *word = dst + start;                                                           \
            const Py_ssize_t size = len - start;                                                   \
            Py_ssize_t k = 0;                                                                      \
            while (k < size && is_digit(word[k]))                                                  \
                k++;                                                                               \
            words++;                                                                               \
            numbers += k == size;                                                                  \
            if (size > longest) /* (no word of the vocabulary) */                                  \
                continue;                                                                          \
            uint64_t h = 1469598103934665603ull;                                                   \
            for (k = 0; k < size; k++)                                                             \
                h = (h ^ word[k]) * 1099511628211ull;                                              \
            for (Py_ssize_t j = (Py_ssize_t)(h & (uint64_t)mask); table[j].key != NULL; j = (j + 1) & mask) { \
                if (table[j].hash == h && same_chars(table[j].key, kind, buf, start, len)) {       \
                    if (table[j].index >= width)                                                   \
                        goto too_wide;                                                             \
                    counts[table[j].index]++;                                                      \
                    break;                                                                         \
                }                                                                                  \
            }                                                                                      \
        }                                                                                          \
    }
        if (kind == PyUnicode_1BYTE_KIND)
            NORMALIZE_COUNT(Py_UCS1)
        else if (kind == PyUnicode_2BYTE_KIND)
            NORMALIZE_COUNT(Py_UCS2)
        else
            NORMALIZE_COUNT(Py_UCS4)
#undef NORMALIZE_COUNT
        PyObject *line = str_of(kind, buf, len, most);
        if (line == NULL || PyList_Append(lines, line) < 0) {
            Py_XDECREF(line);
            goto fail;
        }
        Py_DECREF(line);
        if (at + len >= sample - 1)
            sampling = 0;
        at += len + 1;
        if (i >= n)
            break;
        i++; /* the line break */
    }
    PyMem_Free(buf);
    *words_out = words;
    *numbers_out = numbers;
    return lines;
too_wide:
    PyErr_SetString(PyExc_ValueError, "normalized_scores() needs a set for every index of the vocabulary");
fail:
    Py_XDECREF(lines);
    PyMem_Free(buf);
    return NULL;
}

static PyObject *native_normalized_counts(PyObject *self, PyObject *args)
{
    PyObject *text, *vocab;
    Py_ssize_t sample;
    if (!PyArg_ParseTuple(args, "UOn", &text, &vocab, &sample))
        return NULL;
    if (PyUnicode_READY(text) < 0)
        return NULL;
    vocab_table made = {NULL, NULL, 0, 0, 0};
    const vocab_table *vt = vocab_of(vocab, &made, "normalized_counts");
    if (vt == NULL)
        return NULL;
    const Py_ssize_t size = vt->size;
    PyObject *out = NULL, *lines = NULL;
    Py_ssize_t words = 0, numbers = 0;
    Py_ssize_t *counts = PyMem_Calloc((size_t)(size > 0 ? size : 1), sizeof(Py_ssize_t));
    if (counts == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    lines = normalized_pass(text, vt, sample, counts, size, &words, &numbers);
    if (lines == NULL)
        goto done;
    PyObject *list = ssize_list(counts, size);
    if (list == NULL)
        goto done;
    out = Py_BuildValue("(ONnn)", lines, list, words, numbers);
done:
    Py_XDECREF(lines);
    PyMem_Free(counts);
    vocab_table_clear(&made);
    return out;
}

PyDoc_STRVAR(fold_scan_doc,
             "fold_scan(text, table, replacements) -> None | (str, list[int])\n\n"
             "None when every character of text has the byte 1 in table (indexed by code point);\n"
             "else text with each character of byte 2 replaced by replacements[ord(character)], and\n"
             "the spans [start, end) of that text, as a flat list, that may need normalising: each\n"
             "from the last character of byte 1 (or replaced) before a character of another byte (or\n"
             "from the start) to the next character of byte 1 (or replaced) after it (or the end).\n"
             "lintnews.textnorm.py_fold_scan.");

/* Where the run of characters of byte 1 in table (of size bytes) that starts at i ends: the loop
 * compiled once per character width. When every ASCII character has the byte 1 (ascii_stable:
 * fold's table), runs of ASCII characters are skipped a vector at a time (s34-views: fold_scan
 * 94.0 -> 81.3 M instructions over the texts of c1k). */
static Py_ssize_t stable_run(int kind, const void *data, Py_ssize_t i, Py_ssize_t n, const uint8_t *table,
                             Py_ssize_t size, int ascii_stable)
{
#define STABLE_RUN(T)                                                                              \
    {                                                                                              \
        const T *src = (const T *)data;                                                            \
        for (;;) {                                                                                 \
            if (ascii_stable)                                                                      \
                i = ascii_run_##T(src, i, n);                                                      \
            if (i < n && (Py_ssize_t)src[i] < size && table[src[i]] == 1)                          \
                i++;                                                                               \
            else                                                                                   \
                break;                                                                             \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        STABLE_RUN(Py_UCS1)
    else if (kind == PyUnicode_2BYTE_KIND)
        STABLE_RUN(Py_UCS2)
    else
        STABLE_RUN(Py_UCS4)
#undef STABLE_RUN
    return i;
}

static PyObject *native_fold_scan(PyObject *self, PyObject *args)
{
    PyObject *text, *replacements;
    Py_buffer table;
    if (!PyArg_ParseTuple(args, "Uy*O!", &text, &table, &PyDict_Type, &replacements))
        return NULL;
    if (PyUnicode_READY(text) < 0) {
        PyBuffer_Release(&table);
        return NULL;
    }
    const uint8_t *in = table.buf;
    const Py_ssize_t size = table.len, n = PyUnicode_GET_LENGTH(text);
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
#define BYTE_OF(ch) ((Py_ssize_t)(ch) < size ? in[ch] : 0)
    int ascii_stable = size >= 128;
    for (Py_ssize_t c = 0; c < 128 && ascii_stable; c++)
        ascii_stable = in[c] == 1;
    Py_ssize_t i = stable_run(kind, data, 0, n, in, size, ascii_stable);
    if (i == n) {
        PyBuffer_Release(&table);
        Py_RETURN_NONE;
    }
    PyObject *spans = PyList_New(0), *out = NULL;
    Py_ssize_t cap = n + 16, len = 0, last_stable = -1, open = -1;
    char *buf = PyMem_Malloc((size_t)cap * (size_t)kind);
    if (spans == NULL || buf == NULL) {
        if (spans != NULL)
            PyErr_NoMemory();
        goto done;
    }
    /* the characters before i are all of byte 1: copied as they are */
    memcpy(buf, data, (size_t)i * (size_t)kind);
    len = i;
    last_stable = i - 1;
    while (i < n) {
        Py_ssize_t run = stable_run(kind, data, i, n, in, size, ascii_stable) - i;
        if (run > 0) { /* (most of the text: copied whole) */
            if (open >= 0) {
                if (append_number(spans, open) < 0 || append_number(spans, len) < 0)
                    goto done;
                open = -1;
            }
            if (len + run > cap) {
                cap = 2 * cap + run;
                char *grown = PyMem_Realloc(buf, (size_t)cap * (size_t)kind);
                if (grown == NULL) {
                    PyErr_NoMemory();
                    goto done;
                }
                buf = grown;
            }
            memcpy(buf + len * kind, (const char *)data + i * kind, (size_t)run * (size_t)kind);
            len += run;
            i += run;
            last_stable = len - 1;
            continue;
        }
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        i++;
        int byte = BYTE_OF(ch);
        PyObject *piece = NULL;
        Py_ssize_t plen = 1;
        if (byte == 2) {
            PyObject *key = PyLong_FromLong((long)ch);
            piece = key == NULL ? NULL : PyDict_GetItemWithError(replacements, key);
            Py_XDECREF(key);
            if (piece == NULL) {
                if (!PyErr_Occurred())
                    PyErr_Format(PyExc_KeyError, "no replacement for U+%04X", (unsigned int)ch);
                goto done;
            }
            if (!PyUnicode_Check(piece) || PyUnicode_READY(piece) < 0 || !PyUnicode_IS_ASCII(piece)) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_TypeError, "fold_scan() takes replacements of ASCII str");
                goto done;
            }
            plen = PyUnicode_GET_LENGTH(piece);
        }
        if (len + plen > cap) {
            cap = 2 * cap + plen;
            char *grown = PyMem_Realloc(buf, (size_t)cap * (size_t)kind);
            if (grown == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            buf = grown;
        }
        if (byte == 0) { /* a character that may need normalising: it opens a span */
            if (open < 0)
                open = last_stable >= 0 ? last_stable : 0;
            PyUnicode_WRITE(kind, buf, len, ch);
            len++;
            continue;
        }
        if (open >= 0) { /* a stable character after a span ends it */
            if (append_number(spans, open) < 0 || append_number(spans, len) < 0)
                goto done;
            open = -1;
        }
        if (byte == 2) {
            const Py_UCS1 *chars = PyUnicode_1BYTE_DATA(piece);
            for (Py_ssize_t k = 0; k < plen; k++)
                PyUnicode_WRITE(kind, buf, len + k, chars[k]);
        } else {
            PyUnicode_WRITE(kind, buf, len, ch);
        }
        len += plen;
        last_stable = len - 1;
    }
#undef BYTE_OF
    if (open >= 0 && (append_number(spans, open) < 0 || append_number(spans, len) < 0))
        goto done;
    PyObject *folded = PyUnicode_FromKindAndData(kind, buf, len);
    if (folded != NULL)
        out = Py_BuildValue("(NO)", folded, spans);
done:
    PyBuffer_Release(&table);
    PyMem_Free(buf);
    Py_XDECREF(spans);
    return out;
}

PyDoc_STRVAR(line_starts_of_doc,
             "line_starts_of(lines) -> bytes\n\n"
             "The offset of each line's start in '\\n'.join(lines) (int64, native byte order), from the\n"
             "lines' lengths: a step a line (lintnews.document.py_line_starts_of).");

static PyObject *native_line_starts_of(PyObject *self, PyObject *lines)
{
    if (!PyList_Check(lines)) {
        PyErr_SetString(PyExc_TypeError, "line_starts_of() takes a list of str");
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(lines);
    PyObject *out = PyBytes_FromStringAndSize(NULL, (count > 0 ? count : 1) * (Py_ssize_t)sizeof(int64_t));
    if (out == NULL)
        return NULL;
    int64_t *starts = (int64_t *)PyBytes_AS_STRING(out), at = 0;
    starts[0] = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *line = PyList_GET_ITEM(lines, k);
        if (!PyUnicode_Check(line)) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_TypeError, "line_starts_of() takes a list of str");
            return NULL;
        }
        starts[k] = at;
        at += PyUnicode_GET_LENGTH(line) + 1;
    }
    return out;
}

/* end s33-lang ----------------------------------------------------------------------------- */

/* s33-s006: S006's headline-shaped lines (rules/seo/title_lines.py, py_title_lines) ---------- */

PyDoc_STRVAR(title_lines_doc,
             "title_lines(lines, longest, fewest, most, quotes, marks) -> list[int]\n\n"
             "The numbers of the lines whose stripped text is a title to S006: at most longest\n"
             "characters, two spaces or more, no . , ; : at the end, no lower-case start, and a\n"
             "headline of fewest to most words (see rules.seo.title_lines.py_title_lines).");

static int holds_char(PyObject *chars, Py_UCS4 ch)
{
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    for (Py_ssize_t p = 0; p < PyUnicode_GET_LENGTH(chars); p++)
        if (PyUnicode_READ(kind, data, p) == ch)
            return 1;
    return 0;
}

static Py_ssize_t count_words_in(int kind, const void *data, Py_ssize_t i, Py_ssize_t n)
{
    Py_ssize_t count = 0;
    while (i < n) {
        if (!IS_WORD(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        count++;
        i = word_end(kind, data, n, i);
    }
    return count;
}

/* Whether the stripped text data[a:b] is a title (py_title_lines's test, step by step). */
static int title_text(int kind, const void *data, Py_ssize_t a, Py_ssize_t b, Py_ssize_t longest, Py_ssize_t fewest,
                      Py_ssize_t most, PyObject *quotes, PyObject *marks)
{
    if (b - a > longest)
        return 0;
    Py_ssize_t spaces = 0;
    for (Py_ssize_t p = a; p < b && spaces < 2; p++)
        spaces += PyUnicode_READ(kind, data, p) == ' ';
    if (spaces < 2)
        return 0;
    Py_UCS4 last = PyUnicode_READ(kind, data, b - 1), first = PyUnicode_READ(kind, data, a);
    if (last == '.' || last == ',' || last == ';' || last == ':' || is_lower(first))
        return 0;
    if (holds_char(marks, first) && b - a > 1 && is_space(PyUnicode_READ(kind, data, a + 1))) {
        a += 2; /* a bullet and the space after it, then the spaces after those */
        while (a < b && is_space(PyUnicode_READ(kind, data, a)))
            a++;
        if (a == b)
            return 0;
        first = PyUnicode_READ(kind, data, a);
    }
    else if (is_digit(first)) {
        /* headline(): a number "1. " or "12) " (re's \d{1,2}[.)]\s+) stripped first */
        Py_ssize_t p = a;
        while (p < b && p - a < 2 && is_decimal(PyUnicode_READ(kind, data, p)))
            p++;
        if (p > a && p + 1 < b) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, p);
            if ((ch == '.' || ch == ')') && is_space(PyUnicode_READ(kind, data, p + 1))) {
                a = p + 2;
                while (a < b && is_space(PyUnicode_READ(kind, data, a)))
                    a++;
                if (a == b)
                    return 0;
                first = PyUnicode_READ(kind, data, a);
            }
        }
        if (!(Py_UNICODE_ISUPPER(first) || is_digit(first) || holds_char(quotes, first)))
            return 0;
        Py_ssize_t count = count_words_in(kind, data, a, b);
        return fewest <= count && count <= most;
    }
    if (!(Py_UNICODE_ISUPPER(first) || holds_char(quotes, first)))
        return 0;
    Py_ssize_t count = count_words_in(kind, data, a, b);
    return fewest <= count && count <= most;
}

static PyObject *native_title_lines(PyObject *self, PyObject *args)
{
    PyObject *lines, *quotes, *marks;
    Py_ssize_t longest, fewest, most;
    if (!PyArg_ParseTuple(args, "O!nnnUU", &PyList_Type, &lines, &longest, &fewest, &most, &quotes, &marks))
        return NULL;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lines); i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        if (!PyUnicode_Check(line) || PyUnicode_READY(line) < 0) {
            PyErr_SetString(PyExc_TypeError, "title_lines() takes a list of str");
            Py_DECREF(found);
            return NULL;
        }
        int kind = PyUnicode_KIND(line);
        const void *data = PyUnicode_DATA(line);
        Py_ssize_t a = 0, b = PyUnicode_GET_LENGTH(line);
        while (a < b && is_space(PyUnicode_READ(kind, data, a)))
            a++;
        while (b > a && is_space(PyUnicode_READ(kind, data, b - 1)))
            b--;
        if (b - a >= 3 && title_text(kind, data, a, b, longest, fewest, most, quotes, marks) &&
            append_number(found, i) < 0) {
            Py_DECREF(found);
            return NULL;
        }
    }
    return found;
}

/* end s33-s006 */

/* s34-rules: runs of blank lines (F004, lintnews/blank_lines.py) ---------------------------- */

PyDoc_STRVAR(blank_runs_doc,
             "blank_runs(text, least) -> list[int]\n\n"
             "The matches of the regex \\n(?:[^\\S\\n]*\\n){least,} in text (least >= 1), as flat\n"
             "pairs: the line of the match's first line break, then the number of blank lines after\n"
             "it (lines of white space only, each ending in a line break). One pass over the text,\n"
             "where the regex is tried at every line break (see\n"
             "lintnews.blank_lines.py_blank_runs).");

/* The run of `run` blank lines ending in a line break right before line `line`, as the regex
   finds it: from the line break before it, or from the first one when the run starts the text
   (the first blank line then has no line break before it). */
static int blank_run_found(PyObject *found, Py_ssize_t run, Py_ssize_t line, Py_ssize_t least)
{
    Py_ssize_t start = line - run, count = start == 0 ? run - 1 : run;
    if (run == 0 || count < least)
        return 0;
    return append_number(found, start == 0 ? 0 : start - 1) < 0 || append_number(found, count) < 0 ? -1 : 0;
}

/* The offset of the first line break in s[p:n] (n: none): memchr on Latin-1 text, 8 characters
   at a time with SSE2 on text of two bytes a character (the usual kind: one curly quote makes it). */
static inline Py_ssize_t next_break_ucs1(const Py_UCS1 *s, Py_ssize_t p, Py_ssize_t n)
{
    const void *at = memchr(s + p, '\n', (size_t)(n - p));
    return at == NULL ? n : (const Py_UCS1 *)at - s;
}

static inline Py_ssize_t next_break_ucs2(const Py_UCS2 *s, Py_ssize_t p, Py_ssize_t n)
{
#if defined(__SSE2__)
    const __m128i line_break = _mm_set1_epi16('\n');
    for (; p + 8 <= n; p += 8) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + p));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi16(x, line_break));
        if (mask)
            return p + (__builtin_ctz(mask) >> 1);
    }
#endif
    while (p < n && s[p] != '\n')
        p++;
    return p;
}

static inline Py_ssize_t next_break_ucs4(const Py_UCS4 *s, Py_ssize_t p, Py_ssize_t n)
{
    while (p < n && s[p] != '\n')
        p++;
    return p;
}

static PyObject *native_blank_runs(PyObject *self, PyObject *args)
{
    PyObject *text;
    Py_ssize_t least;
    if (!PyArg_ParseTuple(args, "Un", &text, &least))
        return NULL;
    if (least < 1) {
        PyErr_SetString(PyExc_ValueError, "blank_runs() takes least >= 1");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0)
        return NULL;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t line = 0; /* the line of the character read */
    Py_ssize_t run = 0;  /* blank lines ending in a line break right before that line */
    /* A line at a time: its white space, then, past a character of content (which ends the run
       of blank lines before the line), straight on to its line break. */
#define BLANK_RUNS(T, NEXT_BREAK)                                                                  \
    {                                                                                              \
        const T *s = (const T *)data;                                                              \
        Py_ssize_t p = 0;                                                                          \
        while (p < n) {                                                                            \
            while (p < n && s[p] != '\n' && Py_UNICODE_ISSPACE(s[p]))                              \
                p++;                                                                               \
            if (p == n)                                                                            \
                break; /* a blank last line, without a line break */                               \
            if (s[p] == '\n')                                                                      \
                run++; /* a blank line */                                                          \
            else {                                                                                 \
                if (blank_run_found(found, run, line, least) < 0)                                  \
                    goto failed;                                                                   \
                run = 0;                                                                           \
                p = NEXT_BREAK(s, p, n);                                                           \
                if (p == n)                                                                        \
                    break; /* a last line of content, without a line break */                      \
            }                                                                                      \
            line++;                                                                                \
            p++;                                                                                   \
        }                                                                                          \
    }
    if (kind == PyUnicode_1BYTE_KIND)
        BLANK_RUNS(Py_UCS1, next_break_ucs1)
    else if (kind == PyUnicode_2BYTE_KIND)
        BLANK_RUNS(Py_UCS2, next_break_ucs2)
    else
        BLANK_RUNS(Py_UCS4, next_break_ucs4)
#undef BLANK_RUNS
    /* the last line, which ends in no line break, ends the last run */
    if (blank_run_found(found, run, line, least) < 0)
        goto failed;
    return found;
failed:
    Py_DECREF(found);
    return NULL;
}

/* s34-rules: blocks by the first or the last character of their text (T001's open paragraphs,
   F002's lower-case headings; lintnews/block_edges.py) */

/* Whether blocks is a list of Block (0), else -1 with a TypeError. (The texts are not read: a
   block's text is another object, which a kernel that needs only the block's fields would
   otherwise fetch from memory too.) */
static int check_blocks(PyObject *blocks, const char *name)
{
    if (PyList_Check(blocks)) {
        Py_ssize_t i = 0, n = PyList_GET_SIZE(blocks);
        while (i < n && Py_IS_TYPE(PyList_GET_ITEM(blocks, i), &BlockType))
            i++;
        if (i == n)
            return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s() takes a list of Block", name);
    return -1;
}

/* The indices (ascending) of the blocks of a list of Block that `wanted` takes by their fields
   and whose text `test` takes (kind, data and length of the text, ready): the one loop of
   open_blocks and lower_start_blocks. */
static PyObject *blocks_with_text(PyObject *blocks, const char *name, int (*wanted)(const BlockObject *),
                                  int (*test)(int, const void *, Py_ssize_t))
{
    if (check_blocks(blocks, name) < 0)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(blocks);
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        BlockObject *block = (BlockObject *)PyList_GET_ITEM(blocks, i);
        if (!wanted(block))
            continue;
        PyObject *text = block->text;
        if (PyUnicode_READY(text) < 0)
            goto failed;
        if (test(PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)) &&
            append_number(found, i) < 0)
            goto failed;
    }
    return found;
failed:
    Py_DECREF(found);
    return NULL;
}

static int is_prose(const BlockObject *block) { return block->prose; }

/* A vowel sign, virama or nasal sign of an Indic script (U+0900-U+0DFF), no letter: told by its
 * place in its script's block of 128 (lintnews.caseless.py_indic_sign). */
static inline int indic_sign(Py_UCS4 ch)
{
    if (ch < 0x0900 || ch >= 0x0E00 || is_alnum(ch))
        return 0;
    Py_UCS4 at = ch & 0x7F;
    return at <= 0x03 || (at >= 0x3A && at <= 0x4F) || (at >= 0x51 && at <= 0x57) || at == 0x62 || at == 0x63;
}

/* The text ends, before its trailing white space, on a letter (or an Indic vowel sign after one)
 * or a comma (",", or the "，" "、" "،" of Chinese, Japanese and Arabic text). */
static int ends_open(int kind, const void *data, Py_ssize_t p)
{
    while (p > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, p - 1)))
        p--;
    if (p == 0)
        return 0;
    Py_UCS4 last = PyUnicode_READ(kind, data, p - 1);
    return last == ',' || last == 0xFF0C || last == 0x3001 || last == 0x060C || Py_UNICODE_ISALPHA(last) ||
           indic_sign(last);
}

PyDoc_STRVAR(open_blocks_doc,
             "open_blocks(blocks) -> list[int]\n\n"
             "The indices (ascending) of the blocks of prose whose text ends, before its trailing\n"
             "white space, on a letter (str.isalpha, or an Indic vowel sign) or a comma (',' or the\n"
             "full-width, ideographic or Arabic comma): where a sentence may be cut off\n"
             "(see lintnews.block_edges.py_open_blocks).");

static PyObject *native_open_blocks(PyObject *self, PyObject *blocks)
{
    return blocks_with_text(blocks, "open_blocks", is_prose, ends_open);
}

static int is_one_line(const BlockObject *block) { return block->start == block->end; }

/* The text starts, after white space, '#' marks and white space again, with a lower-case letter. */
static int starts_lower(int kind, const void *data, Py_ssize_t len)
{
    Py_ssize_t p = 0;
    while (p < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, p)))
        p++;
    while (p < len && PyUnicode_READ(kind, data, p) == '#')
        p++;
    while (p < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, p)))
        p++;
    return p < len && Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, p));
}

PyDoc_STRVAR(lower_start_blocks_doc,
             "lower_start_blocks(blocks) -> list[int]\n\n"
             "The indices (ascending) of the blocks of one line whose text starts, after white\n"
             "space, '#' marks and white space again, with a lower-case letter (str.islower): the\n"
             "headings that may start in lower case (see lintnews.block_edges.py_lower_start_blocks).");

static PyObject *native_lower_start_blocks(PyObject *self, PyObject *blocks)
{
    return blocks_with_text(blocks, "lower_start_blocks", is_one_line, starts_lower);
}

PyDoc_STRVAR(blocks_where_doc,
             "blocks_where(blocks, kinds, heading_like, min_words) -> list[Block]\n\n"
             "The blocks (in order) of a kind in kinds (a tuple of str; None: any), heading_like or\n"
             "not as heading_like says (1 or 0; -1: either), and of min_words words or more: the\n"
             "blocks the duplication rules compare (see lintnews.block_edges.py_blocks_where).");

static PyObject *native_blocks_where(PyObject *self, PyObject *args)
{
    PyObject *blocks, *kinds;
    int heading_like;
    Py_ssize_t min_words;
    if (!PyArg_ParseTuple(args, "OOin", &blocks, &kinds, &heading_like, &min_words))
        return NULL;
    if (kinds != Py_None && !PyTuple_Check(kinds)) {
        PyErr_SetString(PyExc_TypeError, "blocks_where() takes a tuple of kinds or None");
        return NULL;
    }
    if (check_blocks(blocks, "blocks_where") < 0)
        return NULL;
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(blocks); i++) {
        BlockObject *block = (BlockObject *)PyList_GET_ITEM(blocks, i);
        if (block->word_count < min_words || (heading_like >= 0 && block->heading_like != heading_like))
            continue;
        int wanted = kinds == Py_None;
        for (Py_ssize_t k = 0; !wanted && k < PyTuple_GET_SIZE(kinds); k++) {
            PyObject *kind = PyTuple_GET_ITEM(kinds, k);
            /* (the kinds of blocks are interned: most tests are one comparison of pointers) */
            wanted = kind == block->kind || (PyUnicode_Check(kind) && PyUnicode_Check(block->kind) &&
                                             PyUnicode_Compare(kind, block->kind) == 0);
        }
        if (wanted && PyList_Append(found, (PyObject *)block) < 0)
            goto failed;
    }
    return found;
failed:
    Py_DECREF(found);
    return NULL;
}

PyDoc_STRVAR(block_keys_doc,
             "block_keys(blocks, lines) -> list[str]\n\n"
             "The key of each block: lines[start] for a block of one line, else the lines start to\n"
             "end that are not empty joined by spaces (lines: a document's normalised lines; see\n"
             "lintnews.block_edges.py_block_keys and lintnews.textnorm.normalized_span).");

static PyObject *key_space; /* " ", made on first use */

static PyObject *native_block_keys(PyObject *self, PyObject *args)
{
    PyObject *blocks, *lines;
    if (key_space == NULL && (key_space = PyUnicode_FromString(" ")) == NULL)
        return NULL;
    if (!PyArg_ParseTuple(args, "OO!", &blocks, &PyList_Type, &lines))
        return NULL;
    if (check_blocks(blocks, "block_keys") < 0)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(blocks), count = PyList_GET_SIZE(lines);
    PyObject *keys = PyList_New(n);
    if (keys == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        BlockObject *block = (BlockObject *)PyList_GET_ITEM(blocks, i);
        if (block->start < 0 || block->end < block->start || block->end >= count) {
            PyErr_SetString(PyExc_IndexError, "block_keys() takes a line for every line of a block");
            goto failed;
        }
        PyObject *key;
        if (block->start == block->end) {
            key = PyList_GET_ITEM(lines, block->start);
            Py_INCREF(key);
        }
        else {
            PyObject *parts = PyList_New(0);
            if (parts == NULL)
                goto failed;
            for (Py_ssize_t l = block->start; l <= block->end; l++) {
                PyObject *line = PyList_GET_ITEM(lines, l);
                if (PyObject_IsTrue(line) && PyList_Append(parts, line) < 0) {
                    Py_DECREF(parts);
                    goto failed;
                }
            }
            key = PyUnicode_Join(key_space, parts);
            Py_DECREF(parts);
            if (key == NULL)
                goto failed;
        }
        PyList_SET_ITEM(keys, i, key);
    }
    return keys;
failed:
    Py_DECREF(keys);
    return NULL;
}

/* end s34-rules ----------------------------------------------------------------------------- */
static PyMethodDef native_methods[] = {
    {"words", native_words, METH_O, words_doc},
    {"count_words", native_count_words, METH_VARARGS, count_words_doc},
    {"collapse_lines", native_collapse_lines, METH_VARARGS, collapse_lines_doc},
    {"line_keys", native_line_keys, METH_VARARGS, line_keys_doc},
    {"chars_in", native_chars_in, METH_VARARGS, chars_in_doc},
    {"casefold", native_casefold, METH_O, casefold_doc},
    {"minhash_affine32", native_minhash_affine32, METH_VARARGS, minhash_affine32_doc},
    {"common_counts", native_common_counts, METH_VARARGS, common_counts_doc},
    {"distinct_counts", native_distinct_counts, METH_VARARGS, distinct_counts_doc},
    {"sorted_distinct", native_sorted_distinct, METH_VARARGS, sorted_distinct_doc},
    {"shingle_hashes", native_shingle_hashes, METH_VARARGS, shingle_hashes_doc},
    {"plain_blocks", native_plain_blocks, METH_O, plain_blocks_doc},
    {"short_lines_holding", native_short_lines_holding, METH_VARARGS, short_lines_holding_doc},
    /* s32-signature */
    {"signature_lines", native_signature_lines, METH_VARARGS, signature_lines_doc},
    /* s32-chrome */
    {"lines_holding", native_lines_holding, METH_VARARGS, lines_holding_doc},
    {"short_key_runs", native_short_key_runs, METH_VARARGS, short_key_runs_doc},
    {"menu_kinds", native_menu_kinds, METH_O, menu_kinds_doc},
    /* end s32-chrome */
    /* s32-phrase */
    {"key_screen", native_key_screen, METH_VARARGS, key_screen_doc},
    {"maybe_keys", native_maybe_keys, METH_VARARGS, maybe_keys_doc},
    {"all_in", native_all_in, METH_VARARGS, all_in_doc},
    {"letters_by_table", native_letters_by_table, METH_VARARGS, letters_by_table_doc},
    {"vocabulary", native_vocabulary, METH_O, vocabulary_doc},
    /* end s32-phrase */
    /* s33-phrase */
    {"screen_keys", native_screen_keys, METH_VARARGS, screen_keys_doc},
    {"key_needles", native_key_needles, METH_VARARGS, key_needles_doc},
    /* end s33-phrase */
    /* s32-rules */
    {"chars_beside", native_chars_beside, METH_VARARGS, chars_beside_doc},
    /* s33-chrome */
    {"glued_lines", native_glued_lines, METH_VARARGS, glued_lines_doc},
    /* end s33-chrome */
    /* s33-lang */
    {"normalized_counts", native_normalized_counts, METH_VARARGS, normalized_counts_doc},
    {"fold_scan", native_fold_scan, METH_VARARGS, fold_scan_doc},
    {"line_starts_of", native_line_starts_of, METH_O, line_starts_of_doc},
    /* s33-s006 */
    {"title_lines", native_title_lines, METH_VARARGS, title_lines_doc},
    /* s34-rules */
    {"blank_runs", native_blank_runs, METH_VARARGS, blank_runs_doc},
    {"open_blocks", native_open_blocks, METH_O, open_blocks_doc},
    {"lower_start_blocks", native_lower_start_blocks, METH_O, lower_start_blocks_doc},
    {"blocks_where", native_blocks_where, METH_VARARGS, blocks_where_doc},
    {"block_keys", native_block_keys, METH_VARARGS, block_keys_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef native_module = {
    PyModuleDef_HEAD_INIT, "lintnews._native", "Compiled kernels for lintnews (see lintnews.native).", -1,
    native_methods,
};

PyMODINIT_FUNC PyInit__native(void)
{
    make_bmp_props();
    make_plain_ascii();
    if (PyType_Ready(&BlockType) < 0)
        return NULL;
    static const char *names[] = {"paragraph", "heading", "list", "table", "quote", "code"};
    for (int k = 0; k <= K_CODE; k++)
        if (kind_names[k] == NULL && (kind_names[k] = PyUnicode_InternFromString(names[k])) == NULL)
            return NULL;
    if (line_break == NULL && (line_break = PyUnicode_FromString("\n")) == NULL)
        return NULL;
    PyObject *module = PyModule_Create(&native_module);
    if (module == NULL)
        return NULL;
    Py_INCREF(&BlockType);
    if (PyModule_AddObject(module, "Block", (PyObject *)&BlockType) < 0) {
        Py_DECREF(&BlockType);
        Py_DECREF(module);
        return NULL;
    }
    if (s43_serial_add(module) < 0 || s44_kernel_add(module) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

/* s43-serial ----------------------------------------------------------------------------------- */

/* shingle_line's words: the bounds of the words of the line p[0:len] (split at every space: an
 * empty word between two spaces too) into sh->bounds, two per word; how many, or -1 with an
 * exception set (a line break: lines must not hold one). 16 bytes at a time where SSE2 is
 * there (every x86-64 CPU), where the loop it replaced tested every byte twice. */
static int s43_grow_bounds(Shingler *sh)
{
    Py_ssize_t *grown = PyMem_Realloc(sh->bounds, 4 * sh->bounds_cap * sizeof(Py_ssize_t));
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    sh->bounds = grown;
    sh->bounds_cap *= 2;
    return 0;
}

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S43_SSE2 1
#endif

static Py_ssize_t s43_word_bounds(Shingler *sh, const unsigned char *p, Py_ssize_t len)
{
    Py_ssize_t words = 0, start = 0, i = 0;
#define S43_WORD_ENDS(end)                                                                         \
    do {                                                                                           \
        if (words == sh->bounds_cap && s43_grow_bounds(sh) < 0)                                    \
            return -1;                                                                             \
        sh->bounds[2 * words] = start;                                                             \
        sh->bounds[2 * words + 1] = (end);                                                         \
        words++;                                                                                   \
        start = (end) + 1;                                                                         \
    } while (0)
#ifdef S43_SSE2
    const __m128i space = _mm_set1_epi8(' '), line_break = _mm_set1_epi8('\n');
    for (; i + 16 <= len; i += 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(v, line_break)))
            break; /* (the loop below raises) */
        unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, space));
        while (spaces) {
            S43_WORD_ENDS(i + __builtin_ctz(spaces));
            spaces &= spaces - 1;
        }
    }
#endif
    for (; i < len; i++) {
        if (p[i] == '\n') {
            PyErr_SetString(PyExc_ValueError, "lines must not hold line breaks");
            return -1;
        }
        if (p[i] == ' ')
            S43_WORD_ENDS(i);
    }
    S43_WORD_ENDS(len);
#undef S43_WORD_ENDS
    return words;
}

/* minhash_affine32's loop over each document's hashes (minhash_doc), blocked where the CPU has
 * AVX2: every hash is mixed (fmix32) once, then for each block of 32 permutations the four
 * vectors of minimums stay in registers while the document's hashes stream past, where
 * minhash_doc loaded and stored the minimums of every permutation for every hash. The minimum of
 * the same values in another order: the same answer (tests/test_native.py fuzzes it). */

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define S43_X86 1
#endif

/* Whether this block's kernels may use AVX2 (-1: ask the CPU on first use); `_vector_paths`
 * turns them off for a test of the other paths. */
static int s43_avx2 = -1;

static int s43_use_avx2(void)
{
#ifdef S43_X86
    if (s43_avx2 < 0)
        s43_avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
    return s43_avx2;
#else
    return 0;
#endif
}

#ifdef S43_X86
__attribute__((target("avx2"))) static void minhash_mixed_avx2(const uint32_t *mixed, Py_ssize_t n, const uint32_t *a,
                                                               const uint32_t *b, Py_ssize_t perms, uint32_t *out)
{
    Py_ssize_t p = 0;
#define S43_AB(k)                                                                                  \
    const __m256i a##k = _mm256_loadu_si256((const __m256i *)(a + p + 8 * (k)));                   \
    const __m256i b##k = _mm256_loadu_si256((const __m256i *)(b + p + 8 * (k)));                   \
    __m256i m##k = _mm256_set1_epi32(-1)
#define S43_MIN(k) m##k = _mm256_min_epu32(m##k, _mm256_add_epi32(_mm256_mullo_epi32(h, a##k), b##k))
#define S43_OUT(k) _mm256_storeu_si256((__m256i *)(out + p + 8 * (k)), m##k)
    for (; p + 32 <= perms; p += 32) {
        S43_AB(0);
        S43_AB(1);
        S43_AB(2);
        S43_AB(3);
        for (Py_ssize_t i = 0; i < n; i++) {
            const __m256i h = _mm256_set1_epi32((int)mixed[i]);
            S43_MIN(0);
            S43_MIN(1);
            S43_MIN(2);
            S43_MIN(3);
        }
        S43_OUT(0);
        S43_OUT(1);
        S43_OUT(2);
        S43_OUT(3);
    }
    for (; p + 8 <= perms; p += 8) {
        S43_AB(0);
        for (Py_ssize_t i = 0; i < n; i++) {
            const __m256i h = _mm256_set1_epi32((int)mixed[i]);
            S43_MIN(0);
        }
        S43_OUT(0);
    }
#undef S43_AB
#undef S43_MIN
#undef S43_OUT
    for (; p < perms; p++) {
        uint32_t m = 0xFFFFFFFFu;
        for (Py_ssize_t i = 0; i < n; i++) {
            uint32_t v = a[p] * mixed[i] + b[p];
            m = v < m ? v : m;
        }
        out[p] = m;
    }
}
#endif

/* minhash_doc of each of the docs documents (counts[d] hashes each, checked by the caller) into
 * values; 0, or -1 with an exception set. */
static int minhash_docs(const uint32_t *hashes, Py_ssize_t n, const int64_t *counts, Py_ssize_t docs,
                        const uint32_t *a, const uint32_t *b, Py_ssize_t perms, uint32_t *values)
{
#ifdef S43_X86
    if (s43_use_avx2() && perms >= 8) {
        uint32_t *mixed = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
        if (mixed == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++)
            mixed[i] = fmix32(hashes[i]);
        const uint32_t *m = mixed;
        for (Py_ssize_t d = 0; d < docs; d++) {
            minhash_mixed_avx2(m, (Py_ssize_t)counts[d], a, b, perms, values + d * perms);
            m += counts[d];
        }
        PyMem_Free(mixed);
        return 0;
    }
#endif
    for (Py_ssize_t d = 0; d < docs; d++) {
        minhash_doc(hashes, (Py_ssize_t)counts[d], a, b, perms, values + d * perms);
        hashes += counts[d];
    }
    return 0;
}

/* BLAKE2b (RFC 7693), unkeyed, digests of 1 to 64 bytes: what hashlib.blake2b(data,
 * digest_size=n).digest() gives, for the corpus signature's text hash (16 bytes) and its template
 * candidates' line hashes (8 bytes), which `--index` archives store. Four 64-bit lanes at a time
 * where the CPU has AVX2 (about half of the reference code's instructions), the reference
 * rounds elsewhere; tests/test_native.py compares both with hashlib. */

static const uint64_t s43_b2_iv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                      0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                      0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

static const uint8_t s43_b2_sigma[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static inline uint64_t s43_rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static inline uint64_t s43_load64(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/* One compression of the 128-byte block (the message words m, little-endian), t bytes so far. */
static void s43_b2_compress_ref(uint64_t h[8], const uint64_t m[16], uint64_t t, int last)
{
    uint64_t v[16];
    for (int i = 0; i < 8; i++) {
        v[i] = h[i];
        v[i + 8] = s43_b2_iv[i];
    }
    v[12] ^= t;
    if (last)
        v[14] = ~v[14];
#define S43_G(a, b, c, d, x, y)                                                                    \
    do {                                                                                           \
        v[a] = v[a] + v[b] + (x);                                                                  \
        v[d] = s43_rotr64(v[d] ^ v[a], 32);                                                        \
        v[c] = v[c] + v[d];                                                                        \
        v[b] = s43_rotr64(v[b] ^ v[c], 24);                                                        \
        v[a] = v[a] + v[b] + (y);                                                                  \
        v[d] = s43_rotr64(v[d] ^ v[a], 16);                                                        \
        v[c] = v[c] + v[d];                                                                        \
        v[b] = s43_rotr64(v[b] ^ v[c], 63);                                                        \
    } while (0)
    for (int r = 0; r < 12; r++) {
        const uint8_t *s = s43_b2_sigma[r];
        S43_G(0, 4, 8, 12, m[s[0]], m[s[1]]);
        S43_G(1, 5, 9, 13, m[s[2]], m[s[3]]);
        S43_G(2, 6, 10, 14, m[s[4]], m[s[5]]);
        S43_G(3, 7, 11, 15, m[s[6]], m[s[7]]);
        S43_G(0, 5, 10, 15, m[s[8]], m[s[9]]);
        S43_G(1, 6, 11, 12, m[s[10]], m[s[11]]);
        S43_G(2, 7, 8, 13, m[s[12]], m[s[13]]);
        S43_G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
#undef S43_G
    for (int i = 0; i < 8; i++)
        h[i] ^= v[i] ^ v[i + 8];
}

#ifdef S43_X86
/* s43_b2_compress_ref with the state's four rows in four vectors: the column step runs the four
 * G of a round at once, the diagonal step on the rows turned by one, two and three lanes. */
__attribute__((target("avx2"))) static void s43_b2_compress_avx2(uint64_t h[8], const uint64_t m[16], uint64_t t,
                                                                 int last)
{
    const __m256i rot24 = _mm256_setr_epi8(3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10, 3, 4, 5, 6, 7, 0,
                                           1, 2, 11, 12, 13, 14, 15, 8, 9, 10);
    const __m256i rot16 = _mm256_setr_epi8(2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9, 2, 3, 4, 5, 6, 7,
                                           0, 1, 10, 11, 12, 13, 14, 15, 8, 9);
    const __m256i h0 = _mm256_loadu_si256((const __m256i *)h), h1 = _mm256_loadu_si256((const __m256i *)(h + 4));
    __m256i a = h0, b = h1;
    __m256i c = _mm256_loadu_si256((const __m256i *)s43_b2_iv);
    __m256i d = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(s43_b2_iv + 4)),
                                 _mm256_set_epi64x(0, last ? -1 : 0, 0, (long long)t));
#define S43_M(i, j, k, l)                                                                          \
    _mm256_set_epi64x((long long)m[s[l]], (long long)m[s[k]], (long long)m[s[j]], (long long)m[s[i]])
#define S43_HALF(x, y)                                                                             \
    do {                                                                                           \
        a = _mm256_add_epi64(_mm256_add_epi64(a, b), x);                                           \
        d = _mm256_shuffle_epi32(_mm256_xor_si256(d, a), _MM_SHUFFLE(2, 3, 0, 1));                 \
        c = _mm256_add_epi64(c, d);                                                                \
        b = _mm256_shuffle_epi8(_mm256_xor_si256(b, c), rot24);                                    \
        a = _mm256_add_epi64(_mm256_add_epi64(a, b), y);                                           \
        d = _mm256_shuffle_epi8(_mm256_xor_si256(d, a), rot16);                                    \
        c = _mm256_add_epi64(c, d);                                                                \
        b = _mm256_xor_si256(b, c);                                                                \
        b = _mm256_or_si256(_mm256_srli_epi64(b, 63), _mm256_add_epi64(b, b));                     \
    } while (0)
    for (int r = 0; r < 12; r++) {
        const uint8_t *s = s43_b2_sigma[r];
        S43_HALF(S43_M(0, 2, 4, 6), S43_M(1, 3, 5, 7));
        b = _mm256_permute4x64_epi64(b, _MM_SHUFFLE(0, 3, 2, 1));
        c = _mm256_permute4x64_epi64(c, _MM_SHUFFLE(1, 0, 3, 2));
        d = _mm256_permute4x64_epi64(d, _MM_SHUFFLE(2, 1, 0, 3));
        S43_HALF(S43_M(8, 10, 12, 14), S43_M(9, 11, 13, 15));
        b = _mm256_permute4x64_epi64(b, _MM_SHUFFLE(2, 1, 0, 3));
        c = _mm256_permute4x64_epi64(c, _MM_SHUFFLE(1, 0, 3, 2));
        d = _mm256_permute4x64_epi64(d, _MM_SHUFFLE(0, 3, 2, 1));
    }
#undef S43_M
#undef S43_HALF
    _mm256_storeu_si256((__m256i *)h, _mm256_xor_si256(h0, _mm256_xor_si256(a, c)));
    _mm256_storeu_si256((__m256i *)(h + 4), _mm256_xor_si256(h1, _mm256_xor_si256(b, d)));
}
#endif

/* The BLAKE2b digest (outlen 1 to 64 bytes) of data[0:len] into out. */
static void s43_blake2b(const unsigned char *data, Py_ssize_t len, int outlen, unsigned char *out)
{
    void (*compress)(uint64_t *, const uint64_t *, uint64_t, int) = s43_b2_compress_ref;
#ifdef S43_X86
    if (s43_use_avx2())
        compress = s43_b2_compress_avx2;
#endif
    uint64_t h[8], m[16];
    for (int i = 0; i < 8; i++)
        h[i] = s43_b2_iv[i];
    h[0] ^= 0x01010000ULL ^ (uint64_t)outlen;
    uint64_t t = 0;
    while (len > 128) {
        for (int i = 0; i < 16; i++)
            m[i] = s43_load64(data + 8 * i);
        t += 128;
        compress(h, m, t, 0);
        data += 128;
        len -= 128;
    }
    unsigned char block[128] = {0};
    memcpy(block, data, (size_t)len);
    for (int i = 0; i < 16; i++)
        m[i] = s43_load64(block + 8 * i);
    compress(h, m, t + (uint64_t)len, 1);
    unsigned char full[64];
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            full[8 * i + j] = (unsigned char)(h[i] >> (8 * j));
    memcpy(out, full, (size_t)outlen);
}

PyDoc_STRVAR(blake2b_doc, "blake2b(data, digest_size) -> bytes\n\n"
                          "hashlib.blake2b(data, digest_size=digest_size).digest() (unkeyed, 1 to 64 bytes).");

static PyObject *native_blake2b(PyObject *self, PyObject *args)
{
    Py_buffer data;
    int size;
    if (!PyArg_ParseTuple(args, "y*i", &data, &size))
        return NULL;
    PyObject *out = NULL;
    if (size < 1 || size > 64)
        PyErr_SetString(PyExc_ValueError, "digest_size must be between 1 and 64");
    else if ((out = PyBytes_FromStringAndSize(NULL, size)) != NULL) {
        const unsigned char *p = data.buf;
        Py_ssize_t len = data.len;
        Py_BEGIN_ALLOW_THREADS s43_blake2b(p, len, size, (unsigned char *)PyBytes_AS_STRING(out));
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&data);
    return out;
}

PyDoc_STRVAR(candidate_rows_doc,
             "candidate_rows(keys, rows) -> bytes\n\n"
             "The template candidates rows (signature_lines' rows: (line, column, end column, rank\n"
             "from the start, rank from the end, words, lo, hi)) of a document on the identity source\n"
             "map, packed as lintnews.corpus.signature's LINE_DTYPE (struct '<Q4iBBHII'): each row's\n"
             "hash is the little-endian value of the 8-byte BLAKE2b digest of keys[line] in UTF-8,\n"
             "its source span line + 1, column, line + 1, end column. See\n"
             "lintnews.corpus.signature.py_candidate_rows.");

static PyObject *native_candidate_rows(PyObject *self, PyObject *args)
{
    PyObject *keys, *rows;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &keys, &PyList_Type, &rows))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(rows);
    PyObject *out = PyBytes_FromStringAndSize(NULL, 36 * n);
    if (out == NULL)
        return NULL;
    unsigned char *w = (unsigned char *)PyBytes_AS_STRING(out);
    for (Py_ssize_t r = 0; r < n; r++, w += 36) {
        PyObject *row = PyList_GET_ITEM(rows, r);
        long long f[8];
        if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 8) {
            PyErr_SetString(PyExc_TypeError, "candidate_rows() needs rows of 8 ints");
            goto fail;
        }
        for (int i = 0; i < 8; i++) {
            f[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(row, i));
            if (f[i] == -1 && PyErr_Occurred())
                goto fail;
        }
        /* (line, column, end: int32 after line + 1; ranks: uint8; words: uint16; lo, hi: uint32) */
        if (f[0] < 0 || f[0] >= PyList_GET_SIZE(keys) || f[0] >= INT32_MAX || f[1] < INT32_MIN || f[1] > INT32_MAX ||
            f[2] < INT32_MIN || f[2] > INT32_MAX || f[3] < 0 || f[3] > 255 || f[4] < 0 || f[4] > 255 || f[5] < 0 ||
            f[5] > 65535 || f[6] < 0 || f[6] > UINT32_MAX || f[7] < 0 || f[7] > UINT32_MAX) {
            PyErr_SetString(PyExc_ValueError, "candidate_rows() got a row out of range");
            goto fail;
        }
        PyObject *key = PyList_GET_ITEM(keys, f[0]);
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "candidate_rows() needs a list of str keys");
            goto fail;
        }
        Py_ssize_t len;
        const char *utf8 = PyUnicode_AsUTF8AndSize(key, &len);
        if (utf8 == NULL)
            goto fail;
        s43_blake2b((const unsigned char *)utf8, len, 8, w); /* (the digest's bytes are the value's) */
        int32_t line = (int32_t)(f[0] + 1), column = (int32_t)f[1], end = (int32_t)f[2];
        uint16_t words = (uint16_t)f[5];
        uint32_t lo = (uint32_t)f[6], hi = (uint32_t)f[7];
        int32_t span[4] = {line, column, line, end};
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                w[8 + 4 * i + j] = (unsigned char)((uint32_t)span[i] >> (8 * j));
        w[24] = (unsigned char)f[3];
        w[25] = (unsigned char)f[4];
        w[26] = (unsigned char)words;
        w[27] = (unsigned char)(words >> 8);
        for (int j = 0; j < 4; j++) {
            w[28 + j] = (unsigned char)(lo >> (8 * j));
            w[32 + j] = (unsigned char)(hi >> (8 * j));
        }
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

PyDoc_STRVAR(vector_paths_doc, "_vector_paths(on) -> bool\n\n"
                               "For tests: whether minhash_affine32, blake2b and candidate_rows may use\n"
                               "the CPU's AVX2 (when it has it); returns whether they did.");

static PyObject *native_vector_paths(PyObject *self, PyObject *on)
{
    int was = s43_use_avx2(), want = PyObject_IsTrue(on);
    if (want < 0)
        return NULL;
#ifdef S43_X86
    s43_avx2 = want && __builtin_cpu_supports("avx2");
#endif
    return PyBool_FromLong(was);
}

static PyMethodDef s43_serial_methods[] = {
    {"_vector_paths", native_vector_paths, METH_O, vector_paths_doc},
    {"blake2b", native_blake2b, METH_VARARGS, blake2b_doc},
    {"candidate_rows", native_candidate_rows, METH_VARARGS, candidate_rows_doc},
    {NULL, NULL, 0, NULL},
};

/* Adds this block's functions to the module. */
static int s43_serial_add(PyObject *module)
{
    return PyModule_AddFunctions(module, s43_serial_methods);
}

/* end s43-serial */

/* s44-kernel ----------------------------------------------------------------------------------- */

PyDoc_STRVAR(normalized_scores_doc,
             "normalized_scores(text, vocabulary, sample, sets, languages)\n"
             "    -> (lines, counts, scores, words, numbers)\n\n"
             "normalized_counts(text, vocabulary, sample) with the counts of the vocabulary's indices\n"
             "0 to len(sets) - 1 only (every index must be one), and the hits per language: scores\n"
             "maps each of languages to the sum of the counts of the sets (tuples of indices into\n"
             "languages) it is in (lintnews.language.py_normalized_scores).");

static PyObject *native_normalized_scores(PyObject *self, PyObject *args)
{
    PyObject *text, *vocab, *sets, *languages;
    Py_ssize_t sample;
    if (!PyArg_ParseTuple(args, "UOnO!O!", &text, &vocab, &sample, &PyTuple_Type, &sets, &PyTuple_Type, &languages))
        return NULL;
    if (PyUnicode_READY(text) < 0)
        return NULL;
    const Py_ssize_t width = PyTuple_GET_SIZE(sets), count = PyTuple_GET_SIZE(languages);
    for (Py_ssize_t s = 0; s < width; s++) {
        PyObject *set = PyTuple_GET_ITEM(sets, s);
        if (!PyTuple_Check(set))
            return PyErr_Format(PyExc_TypeError, "normalized_scores() takes sets of tuples of int");
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(set); k++) {
            Py_ssize_t at = PyLong_Check(PyTuple_GET_ITEM(set, k)) ? PyLong_AsSsize_t(PyTuple_GET_ITEM(set, k)) : -1;
            if (at < 0 || at >= count) {
                PyErr_Clear();
                return PyErr_Format(PyExc_ValueError, "normalized_scores() takes sets of indices into languages");
            }
        }
    }
    vocab_table made = {NULL, NULL, 0, 0, 0};
    const vocab_table *vt = vocab_of(vocab, &made, "normalized_scores");
    if (vt == NULL)
        return NULL;
    PyObject *out = NULL, *lines = NULL, *list = NULL, *scores = NULL;
    Py_ssize_t words = 0, numbers = 0;
    Py_ssize_t *counts = PyMem_Calloc((size_t)(width + count + 1), sizeof(Py_ssize_t)), *sums = counts + width;
    if (counts == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    lines = normalized_pass(text, vt, sample, counts, width, &words, &numbers);
    if (lines == NULL || (list = ssize_list(counts, width)) == NULL || (scores = PyDict_New()) == NULL)
        goto done;
    for (Py_ssize_t s = 0; s < width; s++) {
        if (counts[s] == 0)
            continue;
        PyObject *set = PyTuple_GET_ITEM(sets, s);
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(set); k++)
            sums[PyLong_AsSsize_t(PyTuple_GET_ITEM(set, k))] += counts[s];
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *sum = PyLong_FromSsize_t(sums[k]);
        if (sum == NULL || PyDict_SetItem(scores, PyTuple_GET_ITEM(languages, k), sum) < 0) {
            Py_XDECREF(sum);
            goto done;
        }
        Py_DECREF(sum);
    }
    out = Py_BuildValue("(OOOnn)", lines, list, scores, words, numbers);
done:
    Py_XDECREF(lines);
    Py_XDECREF(list);
    Py_XDECREF(scores);
    PyMem_Free(counts);
    vocab_table_clear(&made);
    return out;
}

static PyMethodDef s44_kernel_methods[] = {
    {"normalized_scores", native_normalized_scores, METH_VARARGS, normalized_scores_doc},
    {NULL, NULL, 0, NULL},
};

/* Adds this block's functions to the module. */
static int s44_kernel_add(PyObject *module)
{
    return PyModule_AddFunctions(module, s44_kernel_methods);
}

/* end s44-kernel */
