#pragma once

#include <QByteArrayView>
#include <QString>

namespace capstan {

// Why: a chart's identity is the hex sha256 of its .tgz (ChartMuseum's `digest`); computed in one place,
// with the CPU's SHA instructions where available, because charts reach tens of megabytes.
class ChartDigest
{
public:
    static QString of(QByteArrayView bytes);
};

} // namespace capstan
