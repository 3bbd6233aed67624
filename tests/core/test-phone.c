/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Phone numbers as the schema's PhoneType: what people type, what is refused, masking. */
#include "config.h"

#include "core/td-phone.h"

static void
assert_normalized (const char *input, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *phone = td_phone_normalize (input, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (phone, ==, expected);
  g_assert_true (td_phone_valid (phone));
}

static void
assert_refused (const char *input, TdPhoneError code, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *phone = td_phone_normalize (input, &error);

  g_assert_null (phone);
  g_assert_error (error, TD_PHONE_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_valid (void)
{
  g_assert_true (td_phone_valid ("13800001234"));
  g_assert_true (td_phone_valid ("19912345678"));
  g_assert_true (td_phone_valid ("0635-8212345"));
  g_assert_true (td_phone_valid ("010-12345678"));
  g_assert_false (td_phone_valid ("12800001234"));
  g_assert_false (td_phone_valid ("1380000123"));
  g_assert_false (td_phone_valid ("138000012345"));
  g_assert_false (td_phone_valid ("06358212345"));
  g_assert_false (td_phone_valid ("0635-821234"));
  g_assert_false (td_phone_valid ("0635-821234567"));
  g_assert_false (td_phone_valid ("06-8212345"));
  g_assert_false (td_phone_valid ("00635-8212345"));
  g_assert_false (td_phone_valid ("1635-8212345"));
  g_assert_false (td_phone_valid (" 13800001234"));
  g_assert_false (td_phone_valid (""));
  g_assert_false (td_phone_valid (NULL));
}

static void
test_normalize (void)
{
  /* The examples' numbers stay as they are. */
  assert_normalized ("0635-8212345", "0635-8212345");
  assert_normalized ("16538289665", "16538289665");
  /* Mobiles: spaces, dashes, full width, the country code. */
  assert_normalized (" 138 0000 1234 ", "13800001234");
  assert_normalized ("138-0000-1234", "13800001234");
  assert_normalized ("１３８００００１２３４", "13800001234");
  assert_normalized ("+86 138 0000 1234", "13800001234");
  assert_normalized ("+8613800001234", "13800001234");
  assert_normalized ("008613800001234", "13800001234");
  /* Landlines: a space, parentheses (also full-width), or nothing between the parts. */
  assert_normalized ("0635 8212345", "0635-8212345");
  assert_normalized ("(0635)8212345", "0635-8212345");
  assert_normalized ("（０６３５）８２１２３４５", "0635-8212345");
  assert_normalized ("(0635) 821-2345", "0635-8212345");
  assert_normalized ("06358212345", "0635-8212345");
  assert_normalized ("01012345678", "010-12345678");
  assert_normalized ("02112345678", "021-12345678");
  assert_normalized ("010 1234 5678", "010-12345678");
  /* Written from abroad, the area code loses its 0. */
  assert_normalized ("+86 635 8212345", "0635-8212345");
  assert_normalized ("+86-10-12345678", "010-12345678");
}

static void
test_refused (void)
{
  assert_refused ("", TD_PHONE_ERROR_EMPTY, "No phone number was entered.");
  assert_refused ("  ", TD_PHONE_ERROR_EMPTY, "No phone number was entered.");
  assert_refused (NULL, TD_PHONE_ERROR_EMPTY, "No phone number was entered.");
  assert_refused ("1380000123", TD_PHONE_ERROR_INVALID,
                  "A mobile number has 11 digits; this one has 10.");
  assert_refused ("138 0000 12345", TD_PHONE_ERROR_INVALID,
                  "A mobile number has 11 digits; this one has 12.");
  assert_refused ("12800001234", TD_PHONE_ERROR_INVALID,
                  "A mobile number starts with 13 to 19, not 12.");
  assert_refused ("0635-821234", TD_PHONE_ERROR_INVALID,
                  "A landline number has 7 or 8 digits after the area code; this one has 6.");
  assert_refused ("(06)8212345", TD_PHONE_ERROR_INVALID,
                  "The area code 06 should have 3 or 4 digits and start with 0.");
  assert_refused ("0635", TD_PHONE_ERROR_INVALID,
                  "A landline number needs the number after its area code.");
  assert_refused ("8212345", TD_PHONE_ERROR_INVALID,
                  "A phone number starts with 1 (a mobile) or with the area code 0… "
                  "(a landline).");
  assert_refused ("138-0000-1234 转 8", TD_PHONE_ERROR_INVALID,
                  "“转” is not allowed in a phone number.");
  assert_refused ("0635/8212345", TD_PHONE_ERROR_INVALID,
                  "“/” is not allowed in a phone number.");
  assert_refused ("()", TD_PHONE_ERROR_INVALID, "A phone number needs digits.");
  assert_refused ("138\xff", TD_PHONE_ERROR_INVALID, "The phone number is not valid text.");
}

static void
test_mask (void)
{
  g_autofree char *mobile = td_phone_mask ("13800001234");
  g_autofree char *landline = td_phone_mask ("0635-8212345");
  g_autofree char *landline8 = td_phone_mask ("010-12345678");
  g_autofree char *other = td_phone_mask ("12345678");
  g_autofree char *tiny = td_phone_mask ("123");

  g_assert_cmpstr (mobile, ==, "138****1234");
  g_assert_cmpstr (landline, ==, "0635-***2345");
  g_assert_cmpstr (landline8, ==, "010-****5678");
  g_assert_cmpstr (other, ==, "****5678");
  g_assert_cmpstr (tiny, ==, "***");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/valid", test_valid);
  g_test_add_func ("/phone/normalize", test_normalize);
  g_test_add_func ("/phone/refused", test_refused);
  g_test_add_func ("/phone/mask", test_mask);
  return g_test_run ();
}
