#include "GoValue.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace capstan {

GoValue::GoValue(bool value)
    : m_type(Type::Bool)
    , m_bool(value)
{}

GoValue::GoValue(const QString &value)
    : m_type(Type::String)
    , m_string(value)
{}

GoValue GoValue::number(qint64 value)
{
    return rawNumber(QByteArray::number(value));
}

GoValue GoValue::number(double value)
{
    // Go's float64 encoding: shortest representation, 'f' format unless the exponent is < -6 or >= 21.
    if (!std::isfinite(value))
        return GoValue();
    char buffer[64];
    const double magnitude = std::fabs(value);
    const bool scientific = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                                      scientific ? std::chars_format::scientific : std::chars_format::fixed);
    QByteArray text(buffer, result.ptr - buffer);
    if (scientific) {
        // Go writes e-7, not e-07.
        const qsizetype e = text.indexOf('e');
        if (e >= 0 && e + 3 < text.size() && text.at(e + 2) == '0')
            text.remove(e + 2, 1);
    }
    return rawNumber(text);
}

GoValue GoValue::rawNumber(const QByteArray &text)
{
    GoValue value;
    value.m_type = Type::Number;
    value.m_number = text;
    return value;
}

GoValue GoValue::array(std::vector<GoValue> items)
{
    GoValue value;
    value.m_type = Type::Array;
    value.m_items = std::move(items);
    return value;
}

GoValue GoValue::object(std::vector<Member> members)
{
    GoValue value;
    value.m_type = Type::Object;
    value.m_members = std::move(members);
    return value;
}

GoValue GoValue::map(std::vector<Member> members)
{
    std::stable_sort(members.begin(), members.end(),
                     [](const Member &a, const Member &b) { return a.first.toUtf8() < b.first.toUtf8(); });
    return object(std::move(members));
}

} // namespace capstan
