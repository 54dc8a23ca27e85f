"""The sign-up and login forms, validated on the server (WTForms, CSRF by Flask-WTF)."""

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField, ValidationError
from wtforms.validators import DataRequired, InputRequired, Length

from validators import email_error, password_error


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
        "First name", filters=[_strip], validators=[DataRequired("Enter your first name."), Length(max=100)]
    )
    last_name = StringField(
        "Last name", filters=[_strip], validators=[DataRequired("Enter your last name."), Length(max=100)]
    )
    email = EmailField("Email", validators=[InputRequired("Enter your email."), _valid_email])
    password = PasswordField("Password", validators=[InputRequired("Choose a password."), _strong_password])


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[InputRequired("Enter your email.")])
    password = PasswordField("Password", validators=[InputRequired("Enter your password.")])
