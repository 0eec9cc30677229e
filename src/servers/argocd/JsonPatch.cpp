#include "JsonPatch.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace capstan {

namespace {

bool splitPointer(const QString &pointer, QStringList *tokens)
{
    tokens->clear();
    if (pointer.isEmpty())
        return true;
    if (!pointer.startsWith(u'/'))
        return false;
    const QStringList parts = pointer.mid(1).split(u'/');
    for (QString part : parts) {
        part.replace(u"~1"_s, u"/"_s);
        part.replace(u"~0"_s, u"~"_s);
        tokens->append(part);
    }
    return true;
}

bool arrayIndex(const QString &token, qsizetype size, bool allowEnd, qsizetype *index)
{
    if (allowEnd && token == u"-") {
        *index = size;
        return true;
    }
    bool ok = false;
    const qsizetype value = token.toLongLong(&ok);
    if (!ok || value < 0 || value > size || (!allowEnd && value == size))
        return false;
    *index = value;
    return true;
}

// Reads the value at `tokens`.
bool getAt(const QJsonValue &root, const QStringList &tokens, QJsonValue *out)
{
    QJsonValue current = root;
    for (const QString &token : tokens) {
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            if (!object.contains(token))
                return false;
            current = object.value(token);
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            qsizetype index = 0;
            if (!arrayIndex(token, array.size(), false, &index))
                return false;
            current = array.at(index);
        } else {
            return false;
        }
    }
    *out = current;
    return true;
}

enum class Mode { Add, Remove, Replace };

bool modifyAt(QJsonValue &node, const QStringList &tokens, qsizetype depth, Mode mode,
              const QJsonValue &value)
{
    const QString &token = tokens.at(depth);
    const bool last = depth == tokens.size() - 1;
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last) {
            if (mode != Mode::Add && !object.contains(token))
                return false;
            if (mode == Mode::Remove)
                object.remove(token);
            else
                object.insert(token, value);
        } else {
            if (!object.contains(token))
                return false;
            QJsonValue child = object.value(token);
            if (!modifyAt(child, tokens, depth + 1, mode, value))
                return false;
            object.insert(token, child);
        }
        node = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        qsizetype index = 0;
        if (!arrayIndex(token, array.size(), last && mode == Mode::Add, &index))
            return false;
        if (last) {
            if (mode == Mode::Add)
                array.insert(index, value);
            else if (mode == Mode::Remove)
                array.removeAt(index);
            else
                array.replace(index, value);
        } else {
            QJsonValue child = array.at(index);
            if (!modifyAt(child, tokens, depth + 1, mode, value))
                return false;
            array.replace(index, child);
        }
        node = array;
        return true;
    }
    return false;
}

bool modify(QJsonValue &root, const QStringList &tokens, Mode mode, const QJsonValue &value)
{
    if (tokens.isEmpty()) {
        if (mode == Mode::Remove)
            return false;
        root = value;
        return true;
    }
    return modifyAt(root, tokens, 0, mode, value);
}

} // namespace

QJsonValue JsonPatch::merge(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject object = patch.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), merge(result.value(it.key()), it.value()));
    }
    return result;
}

bool JsonPatch::apply(QJsonValue &target, const QJsonValue &patch, QString *error)
{
    if (!patch.isArray()) {
        *error = u"json: cannot unmarshal object into Go value of type jsonpatch.Patch"_s;
        return false;
    }
    const QJsonArray operations = patch.toArray();
    for (const QJsonValue &entry : operations) {
        const QJsonObject operation = entry.toObject();
        const QString op = operation.value(u"op"_s).toString();
        const QString path = operation.value(u"path"_s).toString();
        QStringList tokens;
        if (!splitPointer(path, &tokens)) {
            *error = u"Unable to find path: %1"_s.arg(path);
            return false;
        }
        bool ok = true;
        if (op == u"add") {
            ok = modify(target, tokens, Mode::Add, operation.value(u"value"_s));
        } else if (op == u"remove") {
            ok = modify(target, tokens, Mode::Remove, {});
        } else if (op == u"replace") {
            ok = modify(target, tokens, Mode::Replace, operation.value(u"value"_s));
        } else if (op == u"move" || op == u"copy") {
            QStringList from;
            QJsonValue value;
            ok = splitPointer(operation.value(u"from"_s).toString(), &from) && getAt(target, from, &value);
            if (ok && op == u"move")
                ok = modify(target, from, Mode::Remove, {});
            if (ok)
                ok = modify(target, tokens, Mode::Add, value);
        } else if (op == u"test") {
            QJsonValue value;
            if (!getAt(target, tokens, &value) || value != operation.value(u"value"_s)) {
                *error = u"testing value %1 failed: test failed"_s.arg(path);
                return false;
            }
        } else {
            *error = u"Unexpected kind: %1"_s.arg(op);
            return false;
        }
        if (!ok) {
            *error =
                u"%1 operation does not apply: doc is missing path: \"%2\": missing value"_s.arg(op, path);
            return false;
        }
    }
    return true;
}

} // namespace capstan
