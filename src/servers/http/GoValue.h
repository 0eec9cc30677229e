#pragma once

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace capstan {

// Why: the server must reproduce Go's encoding/json output (struct field order, sorted map keys) and
// sigs.k8s.io/yaml output from the same data, which QJsonObject (always key-sorted, no raw numbers) cannot.
class GoValue
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<QString, GoValue>;

    GoValue() = default;
    GoValue(bool value);
    GoValue(const QString &value);
    static GoValue number(qint64 value);
    static GoValue number(double value);
    static GoValue rawNumber(const QByteArray &text);
    static GoValue array(std::vector<GoValue> items = {});
    // Members in the given order (a Go struct).
    static GoValue object(std::vector<Member> members = {});
    // Members sorted bytewise by UTF-8 key (a Go map).
    static GoValue map(std::vector<Member> members);

    Type type() const { return m_type; }
    bool boolValue() const { return m_bool; }
    const QByteArray &numberText() const { return m_number; }
    const QString &string() const { return m_string; }
    const std::vector<GoValue> &items() const { return m_items; }
    const std::vector<Member> &members() const { return m_members; }

    void append(GoValue item) { m_items.push_back(std::move(item)); }
    void insert(const QString &key, GoValue value) { m_members.emplace_back(key, std::move(value)); }

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    QByteArray m_number;
    QString m_string;
    std::vector<GoValue> m_items;
    std::vector<Member> m_members;
};

} // namespace capstan
