#pragma once

#include <QWidget>

#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace sigma::core {
class Error;
}

namespace sigma::terminal {

class MainWindow;

/// Registration of the terminal with the Sigma cloud (PRODUCT.md "Registration"): the app and
/// the owner's data (phone, e-mail, seller code, activation PIN) → the SMS code → waiting while
/// the owner sets the password from the e-mail → activated. Every cloud call is
/// sync::RegistrationService on the worker; the wait polls it on a timer. A registration left
/// half way (the terminal restarted, "Отменить") resumes at its step. After activation the
/// business type is locked and the background sync starts. Device credentials never reach a
/// widget or a log.
class RegistrationWizard : public QWidget {
    Q_OBJECT
public:
    explicit RegistrationWizard(MainWindow& window);
    Q_INVOKABLE void activate();

    /// The pages, in order (the screenshot and test names: form, sms, wait, done).
    enum Page { Form = 0, Sms, Wait, Done };
    /// How often the wait page asks the cloud.
    static constexpr int kPollMs = 3000;
    void setPollInterval(int ms);
    [[nodiscard]] int page() const;

    /// The wizard filled with sample data on `step` (form, form-error, sms, wait, done), with no
    /// cloud involved: for `--screenshot register-<step>` only.
    void showDemo(const QString& step);

    /// A RegistrationService error in the owner's words (no cloud code names, no secrets).
    static QString messageFor(const core::Error& error, const QString& cloudUrl);

private:
    QWidget* buildForm();
    QWidget* buildSms();
    QWidget* buildWait();
    QWidget* buildDone();
    void showPage(Page page);
    void showError(const QString& text);
    [[nodiscard]] std::optional<QString> validateForm() const;
    void submitForm();
    void submitSms();
    void pollOnce();
    void finishActivation();
    void cancelWait();
    void leave();
    [[nodiscard]] QString businessTitle() const;

    MainWindow& m_window;
    QStackedWidget* m_pages;
    QLabel* m_message;
    QButtonGroup* m_apps;
    QLineEdit* m_phone;
    QLineEdit* m_email;
    QLineEdit* m_seller;
    QLineEdit* m_pin;
    QLabel* m_cloud;
    QPushButton* m_submit;
    QLabel* m_smsNote;
    QLineEdit* m_smsCode;
    QPushButton* m_smsConfirm;
    QLabel* m_waitNote;
    QLabel* m_waitState;
    QLabel* m_doneNote;
    QTimer* m_poll;
    bool m_pollRunning = false;
    int m_checks = 0;
};

} // namespace sigma::terminal
