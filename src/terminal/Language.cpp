#include "terminal/Language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace sigma::terminal {

QTranslator*& Language::translator()
{
    static QTranslator* installed = nullptr;
    return installed;
}

QString& Language::currentCode()
{
    static QString code = QString::fromLatin1(kRussian);
    return code;
}

QString Language::current()
{
    return currentCode();
}

QString Language::apply(const QString& code)
{
    QTranslator*& installed = translator();
    if (installed != nullptr) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
        installed = nullptr;
    }
    if (code == QLatin1String(kEnglish)) {
        auto* english = new QTranslator(QCoreApplication::instance());
        if (english->load(QStringLiteral(":/i18n/sigma_terminal_en.qm"))) {
            QCoreApplication::installTranslator(english);
            installed = english;
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
            currentCode() = QString::fromLatin1(kEnglish);
            return currentCode();
        }
        delete english; // no translation compiled in: stay in Russian rather than show a mix
    }
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    currentCode() = QString::fromLatin1(kRussian);
    return currentCode();
}

} // namespace sigma::terminal
