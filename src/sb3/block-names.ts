/**
 * How a pupil knows a Scratch block: its words in the editor, in English and Simplified Chinese
 * (the words of Scratch 3's own English and 简体中文 palettes), used when a report names a block. MQTT
 * blocks take their words from the catalogue; a block missing here is named by its opcode.
 */
import { findBlock } from '../../blocks/catalogue';
import type { TextPerLocale } from '../../blocks/types';
import { isLocale, type Locale } from '../i18n/locales';
import { translate } from '../i18n/translate';

const NAMES: Readonly<Record<string, readonly [string, string]>> = {
  event_whenflagclicked: ['when green flag clicked', '当绿旗被点击'],
  event_whenbroadcastreceived: ['when I receive', '当接收到'],
  event_broadcast: ['broadcast', '广播'],
  event_broadcastandwait: ['broadcast and wait', '广播并等待'],
  event_whenkeypressed: ['when key pressed', '当按下键'],
  event_whenthisspriteclicked: ['when this sprite clicked', '当角色被点击'],
  event_whenstageclicked: ['when stage clicked', '当舞台被点击'],
  event_whenbackdropswitchesto: ['when backdrop switches to', '当背景换成'],
  event_whengreaterthan: ['when loudness / timer >', '当响度 / 计时器 >'],
  control_wait: ['wait seconds', '等待秒'],
  control_repeat: ['repeat', '重复执行'],
  control_forever: ['forever', '重复执行'],
  control_if: ['if then', '如果那么'],
  control_if_else: ['if then else', '如果那么否则'],
  control_wait_until: ['wait until', '等待'],
  control_repeat_until: ['repeat until', '重复执行直到'],
  control_stop: ['stop', '停止'],
  control_start_as_clone: ['when I start as a clone', '当作为克隆体启动时'],
  control_create_clone_of: ['create clone of', '克隆'],
  control_delete_this_clone: ['delete this clone', '删除此克隆体'],
  operator_add: ['+', '+'],
  operator_subtract: ['-', '-'],
  operator_multiply: ['*', '*'],
  operator_divide: ['/', '/'],
  operator_random: ['pick random', '在和之间取随机数'],
  operator_gt: ['>', '>'],
  operator_lt: ['<', '<'],
  operator_equals: ['=', '='],
  operator_and: ['and', '与'],
  operator_or: ['or', '或'],
  operator_not: ['not', '不成立'],
  operator_join: ['join', '连接'],
  operator_letter_of: ['letter of', '的第几个字符'],
  operator_length: ['length of', '的字符数'],
  operator_contains: ['contains', '包含'],
  operator_mod: ['mod', '除以的余数'],
  operator_round: ['round', '四舍五入'],
  operator_mathop: ['of (abs, sqrt, sin...)', '（绝对值、平方根、sin……）'],
  data_setvariableto: ['set variable to', '将变量设为'],
  data_changevariableby: ['change variable by', '将变量增加'],
  data_showvariable: ['show variable', '显示变量'],
  data_hidevariable: ['hide variable', '隐藏变量'],
  data_addtolist: ['add to list', '将加入列表'],
  data_deleteoflist: ['delete of list', '删除列表的第几项'],
  data_deletealloflist: ['delete all of list', '删除列表的全部项目'],
  data_insertatlist: ['insert at of list', '在列表的第几项前插入'],
  data_replaceitemoflist: ['replace item of list', '将列表的第几项替换为'],
  data_itemoflist: ['item of list', '列表的第几项'],
  data_itemnumoflist: ['item # of in list', '列表中第一个的编号'],
  data_lengthoflist: ['length of list', '列表的项目数'],
  data_listcontainsitem: ['list contains?', '列表包含？'],
  data_showlist: ['show list', '显示列表'],
  data_hidelist: ['hide list', '隐藏列表'],
  procedures_definition: ['define (my block)', '定义（自制积木）'],
  procedures_call: ['my block', '自制积木'],
  looks_say: ['say', '说'],
  looks_sayforsecs: ['say for seconds', '说几秒'],
  looks_think: ['think', '思考'],
  looks_thinkforsecs: ['think for seconds', '思考几秒'],
  looks_switchcostumeto: ['switch costume to', '换成造型'],
  looks_nextcostume: ['next costume', '下一个造型'],
  looks_switchbackdropto: ['switch backdrop to', '换成背景'],
  looks_show: ['show', '显示'],
  looks_hide: ['hide', '隐藏'],
  looks_changesizeby: ['change size by', '将大小增加'],
  looks_setsizeto: ['set size to', '将大小设为'],
  looks_changeeffectby: ['change effect by', '将特效增加'],
  looks_seteffectto: ['set effect to', '将特效设定为'],
  looks_costumenumbername: ['costume number', '造型编号'],
  motion_movesteps: ['move steps', '移动步'],
  motion_turnright: ['turn right degrees', '右转度'],
  motion_turnleft: ['turn left degrees', '左转度'],
  motion_goto: ['go to', '移到'],
  motion_gotoxy: ['go to x: y:', '移到 x: y:'],
  motion_glidesecstoxy: ['glide secs to x: y:', '在秒内滑行到 x: y:'],
  motion_pointindirection: ['point in direction', '面向方向'],
  motion_changexby: ['change x by', '将x坐标增加'],
  motion_setx: ['set x to', '将x坐标设为'],
  motion_changeyby: ['change y by', '将y坐标增加'],
  motion_sety: ['set y to', '将y坐标设为'],
  motion_ifonedgebounce: ['if on edge, bounce', '碰到边缘就反弹'],
  motion_xposition: ['x position', 'x 坐标'],
  motion_yposition: ['y position', 'y 坐标'],
  sound_play: ['start sound', '播放声音'],
  sound_playuntildone: ['play sound until done', '播放声音等待播完'],
  sensing_timer: ['timer', '计时器'],
  sensing_resettimer: ['reset timer', '计时器归零'],
  sensing_askandwait: ['ask and wait', '询问并等待'],
  sensing_answer: ['answer', '回答'],
  sensing_keypressed: ['key pressed?', '按下键？'],
  sensing_mousedown: ['mouse down?', '按下鼠标？'],
  sensing_touchingobject: ['touching?', '碰到？'],
  sensing_mousex: ['mouse x', '鼠标的x坐标'],
  sensing_mousey: ['mouse y', '鼠标的y坐标'],
  pen_clear: ['erase all', '全部擦除'],
  pen_penDown: ['pen down', '落笔'],
  pen_penUp: ['pen up', '抬笔'],
};

/** The block's words in a locale, e.g. "move steps" / "移动步", or "publish [MESSAGE] to [TOPIC]". */
export function scratchBlockName(opcode: string, locale: Locale): string {
  if (opcode.startsWith('mqtt_')) {
    const spec = findBlock(opcode.slice('mqtt_'.length));
    if (spec) return translate(spec.text, locale).replace(/\[[A-Z_]+\]/g, '( )').replace(/\s+/g, ' ').trim();
  }
  const names = NAMES[opcode];
  if (!names) return opcode;
  return locale === 'en' ? names[0] : names[1];
}

export function scratchBlockNames(opcode: string): TextPerLocale {
  return (locale) => scratchBlockName(opcode, isLocale(locale) ? locale : 'en');
}
