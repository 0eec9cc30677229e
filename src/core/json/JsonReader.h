#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace capstan {

// Why: reads JSON text in one pass, without building a document, so answers with thousands of entries turn
// straight into Capstan's own types; strict (RFC 8259), and an error names the line and column.
class JsonReader
{
public:
    enum class Kind { Null, Bool, Number, String, Array, Object, None };

    explicit JsonReader(QByteArrayView text); // the text must outlive the reader
    explicit JsonReader(QByteArray &&) = delete;

    // The kind of the next value; None at the end of the text, at the end of a container or after an error.
    Kind peek();

    // Containers: enter, then call next*() before each value until it returns false (the closing bracket
    // was read, or an error happened); each value must be read or skipped.
    bool enterObject();
    bool nextMember(QByteArrayView &key); // key's bytes; valid until the next call on this reader
    bool enterArray();
    bool nextElement();

    // Scalars. A value of another kind is an error (check with peek() first to report a type).
    // string() returns `likely` itself (shared, no allocation) when the value equals it.
    QString string(const QString &likely = {});
    bool boolean();
    double number();
    void null();
    void skip();

    // After the top-level value: true when only whitespace is left (otherwise an error is set).
    bool finish();

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }       // "line 3, column 17: expected ':'"
    qsizetype offset() const { return m_position; } // byte offset of the error or of the next token
    // Sets an error at the current position (for the caller's own rules), unless one is already set.
    void fail(const QString &message);

    static QString kindName(Kind kind); // "a string", "an object", …

private:
    enum class Container : char { Object, Array };
    bool skipSpace();
    bool expect(char c, const char *what);
    bool separator(char close);
    bool scanString(QByteArrayView &raw, bool &escaped, bool &ascii);
    QString decode(QByteArrayView raw, bool escaped, bool ascii);
    bool scanNumber(QByteArrayView &raw);
    bool scanLiteral(const char *word);
    void failAt(qsizetype position, const QString &message);

    const char *m_data;
    qsizetype m_size;
    qsizetype m_position = 0;
    std::vector<Container> m_stack;
    bool m_first = false; // the next member/element is the first of its container
    QByteArray m_keyBuffer;
    QString m_error;
};

} // namespace capstan
