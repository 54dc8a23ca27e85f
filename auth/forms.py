"""The sign-up and login forms, validated on the server (WTForms, CSRF by Flask-WTF)."""

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField, ValidationError
from wtforms.validators import DataRequired, InputRequired, Length, StopValidation

from validators import email_error, invisible_characters_error, password_error


def _visible(form, field):
    # Stops the chain: the other checks' messages would only confuse while these characters are there.
    if problem := invisible_characters_error(field.data or ""):
        raise StopValidation(problem)


def _valid_email(form, field):
    if problem := email_error(field.data or ""):
        raise ValidationError(problem)


def _strong_password(form, field):
    if problem := password_error(field.data or ""):
        raise ValidationError(problem)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class RegisterForm(FlaskForm):
    first_name = StringField(
        "First name", filters=[_strip], validators=[DataRequired("Enter your first name."), _visible, Length(max=100)]
    )
    last_name = StringField(
        "Last name", filters=[_strip], validators=[DataRequired("Enter your last name."), _visible, Length(max=100)]
    )
    email = EmailField("Email", validators=[InputRequired("Enter your email."), _visible, _valid_email])
    password = PasswordField("Password", validators=[InputRequired("Choose a password."), _strong_password])


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[InputRequired("Enter your email."), _visible])
    password = PasswordField("Password", validators=[InputRequired("Enter your password.")])
