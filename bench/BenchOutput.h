#pragma once

#include <QList>
#include <QTextStream>

#include <algorithm>

// Why: every benchmark program prints "key value" lines for its script and reports medians; one copy of both.
namespace capstan::bench {

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline double median(QList<double> samples)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype n = samples.size();
    return n % 2 ? samples.at(n / 2) : (samples.at(n / 2 - 1) + samples.at(n / 2)) / 2;
}

} // namespace capstan::bench
